import type { Db } from "@/db/client";
import { runLoad, type LoadOptions, type LoadResult } from "./load";
import { lastActivityId, loggedErrors, type LoggedError } from "./logged-errors";
import { measureCpu, type CpuUse } from "./process-stats";
import type { ScimClient } from "./scim-client";
import { storedUserName } from "./seed-bench-directory";

export type LoadSettings = { connections: number; durationSeconds: number; warmupSeconds: number };

export type LoadPhaseResult = LoadResult & { cpu: CpuUse; loggedErrors: LoggedError[] };

/** Runs one load phase, measuring CPU on both sides and collecting the reasons the server logged for failures. */
export async function runLoadPhase(
  db: Db,
  directoryId: string,
  serverPid: number,
  options: LoadOptions,
): Promise<LoadPhaseResult> {
  const since = await lastActivityId(db);
  const cpu = measureCpu(serverPid);
  const result = await runLoad(options);
  const cpuUse = cpu();
  return { ...result, cpu: cpuUse, loggedErrors: result.errors.total > 0 ? await loggedErrors(db, directoryId, since) : [] };
}

export function healthLoad(baseUrl: string, settings: LoadSettings): LoadOptions {
  return { ...settings, url: baseUrl, nextRequest: () => ({ method: "GET", path: "/api/health" }) };
}

let created = 0;

/** POST /Users, each with a userName never used before (warm-up included). */
export function createUsersLoad(baseUrl: string, client: ScimClient, settings: LoadSettings): LoadOptions {
  return {
    ...settings,
    url: baseUrl,
    headers: client.headers,
    nextRequest: () => {
      const n = ++created;
      const userName = `bench.new.${n}@bench.test`;
      return {
        method: "POST",
        path: client.path("/Users"),
        body: JSON.stringify({
          schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
          userName,
          name: { givenName: "New", familyName: `User ${n}` },
          emails: [{ value: userName, type: "work", primary: true }],
          active: true,
        }),
      };
    },
  };
}

/** GET /Users?filter=userName eq "…" for a random stored user, as an IdP does before every create. */
export function filterUsersLoad(baseUrl: string, client: ScimClient, storedUsers: number, settings: LoadSettings): LoadOptions {
  return {
    ...settings,
    url: baseUrl,
    headers: client.headers,
    nextRequest: () => {
      const n = 1 + Math.floor(Math.random() * storedUsers);
      const filter = encodeURIComponent(`userName eq "${storedUserName(n)}"`);
      return { method: "GET", path: client.path(`/Users?filter=${filter}`) };
    },
  };
}
