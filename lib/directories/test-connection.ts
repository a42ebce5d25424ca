import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { directoryTokens, type DirectoryConnection } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";

export type ConnectionCheckStatus = "pass" | "fail" | "warn";

export type ConnectionCheck = { id: ConnectionCheckId; label: string; status: ConnectionCheckStatus; detail: string };

export type ConnectionCheckId = "state" | "endpoint" | "token" | "database" | "last_request";

export type TestConnectionOptions = {
  /** The SCIM base URL as shown to admins (scimBaseUrl(env().appUrl, id)): the check goes through it. */
  scimBaseUrl: string;
  actorUserId?: string;
  timeoutMs?: number;
  /** For tests: what "now" is when judging the last request. */
  now?: Date;
};

/** The last request seen from the directory's IdP, as the console shows it. */
export type LastRequest = { at: string | null; userAgent: string | null; status: number | null };

const serviceProviderConfigSchema = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const expiringSoonMs = 7 * 86400_000;
const recentRequestMs = 24 * 3600_000;

/**
 * Runs the Test Connection checklist for one directory: real checks against the public SCIM URL,
 * its tokens, the database and the last request seen from the IdP. Records
 * `directory.connection_tested` with the outcome; that write is itself one of the checks.
 */
export async function testConnection(db: Db, directory: DirectoryConnection, options: TestConnectionOptions): Promise<ConnectionCheck[]> {
  const [endpoint, token] = await Promise.all([checkEndpoint(options.scimBaseUrl, options.timeoutMs ?? 5_000), checkTokens(db, directory)]);
  const checks = [checkState(directory), endpoint, token, checkLastRequest(lastRequestOf(directory), options.now ?? new Date())];
  const database = await recordTest(db, directory, checks, options.actorUserId);
  return [...checks.slice(0, 3), database, ...checks.slice(3)];
}

export function lastRequestOf(directory: Pick<DirectoryConnection, "lastRequestAt" | "lastRequestUserAgent" | "lastRequestStatus">): LastRequest {
  return {
    at: directory.lastRequestAt ? new Date(directory.lastRequestAt).toISOString() : null,
    userAgent: directory.lastRequestUserAgent,
    status: directory.lastRequestStatus,
  };
}

function checkState(directory: DirectoryConnection): ConnectionCheck {
  const check = { id: "state", label: "Directory sync is on" } as const;
  switch (directory.state) {
    case "active":
      return { ...check, status: "pass", detail: "The directory is active: your IdP's requests are accepted." };
    case "draft":
      return { ...check, status: "warn", detail: "The directory is still a draft. Finish the set-up, then enable it on the Settings tab." };
    case "disabled":
      return {
        ...check,
        status: "fail",
        detail: "Directory sync is disabled: every request from your IdP is refused. Enable it on the Settings tab, generate a token and paste it into your IdP.",
      };
  }
}

async function checkEndpoint(baseUrl: string, timeoutMs: number): Promise<ConnectionCheck> {
  const url = `${baseUrl}/ServiceProviderConfig`;
  const check = { id: "endpoint", label: "SCIM endpoint reachable" } as const;
  const fail = (reason: string): ConnectionCheck => ({ ...check, status: "fail", detail: `${url} ${reason}` });
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/scim+json" }, signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") return fail(`did not answer within ${timeoutMs / 1000} s. Check APP_URL and that this address reaches Rollcall.`);
    return fail(`could not be reached: ${reasonOf(error)}. Check APP_URL and that this address reaches Rollcall.`);
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    const where = response.headers.get("location");
    return fail(`answered ${response.status}${where ? ` (redirect to ${where})` : ""} instead of 200. Check that APP_URL points at Rollcall.`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = z.object({ schemas: z.array(z.string()) }).safeParse(body);
  if (!parsed.success || !parsed.data.schemas.includes(serviceProviderConfigSchema)) {
    return fail("answered 200, but not with a SCIM ServiceProviderConfig: something other than Rollcall answers at this address.");
  }
  return { ...check, status: "pass", detail: `${url} answered with Rollcall's SCIM service configuration.` };
}

async function checkTokens(db: Db, directory: DirectoryConnection): Promise<ConnectionCheck> {
  const check = { id: "token", label: "A valid token exists" } as const;
  // Validity decided by the database clock, as when a request authenticates.
  const tokens = await db
    .select({
      prefix: directoryTokens.prefix,
      inGrace: sql<boolean>`${directoryTokens.revokedAt} is not null`,
      expiresSoon: sql<boolean>`${directoryTokens.expiresAt} is not null and ${directoryTokens.expiresAt} <= now() + make_interval(secs => ${expiringSoonMs / 1000})`,
    })
    .from(directoryTokens)
    .where(
      and(
        eq(directoryTokens.directoryId, directory.id),
        or(isNull(directoryTokens.revokedAt), gt(directoryTokens.revokedAt, sql`now()`)),
        or(isNull(directoryTokens.expiresAt), gt(directoryTokens.expiresAt, sql`now()`)),
      ),
    );
  if (tokens.length === 0) {
    return {
      ...check,
      status: "fail",
      detail:
        directory.state === "disabled"
          ? "The directory has no token: disabling it deleted them. Enable it, then generate a token on the Tokens tab."
          : "No valid token: none yet, or every token has expired or was revoked. Generate one on the Tokens tab and paste it into your IdP.",
    };
  }
  const lasting = tokens.filter((t) => !t.inGrace && !t.expiresSoon);
  if (lasting.length > 0) return { ...check, status: "pass", detail: `${lasting.length === 1 ? "1 valid token" : `${lasting.length} valid tokens`} (${lasting.map((t) => `${t.prefix}…`).join(", ")}).` };
  const why = tokens.map((t) => `${t.prefix}… ${t.inGrace ? "is in a rotation grace period" : "expires within 7 days"}`).join("; ");
  return { ...check, status: "warn", detail: `${why}. Generate a new token on the Tokens tab and update your IdP before it stops working.` };
}

function checkLastRequest(last: LastRequest, now: Date): ConnectionCheck {
  const check = { id: "last_request", label: "Last request from your IdP" } as const;
  if (!last.at) return { ...check, status: "warn", detail: "No request from your IdP yet — run its Test Connection." };
  const from = last.userAgent ? ` from ${last.userAgent}` : "";
  if (last.status === null || last.status < 200 || last.status > 299) {
    return { ...check, status: "warn", detail: `The last request${from} at ${last.at} failed with status ${last.status ?? "unknown"}. The Activity log shows why.` };
  }
  if (now.getTime() - new Date(last.at).getTime() > recentRequestMs) {
    return { ...check, status: "warn", detail: `The last request${from} succeeded (${last.status}), but at ${last.at}, over a day ago. Run your IdP's Test Connection to check it still reaches Rollcall.` };
  }
  return { ...check, status: "pass", detail: `Your IdP${from} reached Rollcall at ${last.at} and got ${last.status}.` };
}

async function recordTest(db: Db, directory: DirectoryConnection, checks: ConnectionCheck[], actorUserId: string | undefined): Promise<ConnectionCheck> {
  const check = { id: "database", label: "Database accepts writes" } as const;
  const count = (status: ConnectionCheckStatus) => checks.filter((c) => c.status === status).length;
  try {
    await db.transaction(async (tx) => {
      await recordActivity(tx, {
        action: "directory.connection_tested",
        workspaceId: directory.workspaceId,
        directoryId: directory.id,
        actorUserId,
        resourceType: "directory",
        resourceId: directory.id,
        summary: `Tested the connection of "${directory.name}": ${count("pass")} passed, ${count("warn")} warnings, ${count("fail")} failed`,
        changes: { checks: checks.map(({ id, status, detail }) => ({ id, status, detail })) },
      });
    });
  } catch (error) {
    return { ...check, status: "fail", detail: `Recording the test in the activity log failed: ${reasonOf(error)}` };
  }
  return { ...check, status: "pass", detail: "This test was recorded in the activity log." };
}

/** fetch() and drizzle hide the real reason (ECONNREFUSED, a database error…) one level down. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) return "code" in cause && typeof cause.code === "string" ? `${cause.code} (${cause.message})` : cause.message;
  return error.message;
}
