import { spawn } from "node:child_process";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";
import { activityEvents, members, syncRuns, teamMembers } from "@/db/schema";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { setUpTestDatabase, testDatabaseKind } from "@/test/database";
import { seedSyncFixture } from "@/test/sync-fixture";
import { requestSyncRun } from "./request-sync-run";
import { runSyncRun } from "./run-sync-run";

const database = setUpTestDatabase();
const size = 3_000;
const batchSize = 15;
const expireInSeconds = 3;

type Worker = { ready: Promise<void>; exited: Promise<unknown>; signal: (signal: NodeJS.Signals) => void; output: () => string };
const workers: Worker[] = [];

afterAll(async () => {
  for (const worker of workers) worker.signal("SIGKILL");
  await stopJobQueue();
});

/** Another app instance: a process of its own running the sync engine on the test database (test/sync-worker-process.ts). */
function startWorker(url: string): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", "test/sync-worker-process.ts", url, String(batchSize), String(expireInSeconds)], {
    // Its own process group, so that a kill takes tsx's esbuild service with it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`the sync worker exited (${String(code)}) before it was ready:\n${output}`)));
  });
  const worker: Worker = {
    ready,
    exited,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
    },
    output: () => output,
  };
  workers.push(worker);
  return worker;
}

describe.runIf(testDatabaseKind === "postgres")("a sync run whose process is killed", () => {
  it("is picked up by another process after its job expires and completes as a clean run would, nothing applied or counted twice", async () => {
    const db = database().db;
    const { url } = database() as Extract<Database, { kind: "postgres" }>;
    const fixture = await seedSyncFixture(db, size);
    const removed = fixture.memberIds.slice(0, 5);
    const expired = fixture.memberIds.slice(5, 10);
    await db.update(members).set({ directoryRemovedAt: sql`now()` }).where(inArray(members.id, removed));
    await db
      .update(members)
      .set({ status: "suspended", directoryRemovedAt: sql`now() - interval '100 days'`, purgeAfter: sql`now() - interval '10 days'` })
      .where(inArray(members.id, expired));
    const inScope = size - removed.length - expired.length;

    // This process only sends the run's job ("Sync now" does so in its transaction); workers run it.
    await startJobQueue(database());
    const first = startWorker(url);
    await first.ready;
    const { id } = await requestSyncRun(db, { workspaceId: fixture.workspaceId, directoryId: fixture.directoryId, trigger: "manual" });
    const runRow = async () => (await db.select().from(syncRuns).where(eq(syncRuns.id, id)))[0]!;
    await vi.waitFor(async () => expect((await runRow()).processed).toBeGreaterThanOrEqual(10 * batchSize), { timeout: 20_000, interval: 20 });

    first.signal("SIGKILL");
    await first.exited;
    // Until PostgreSQL has rolled back the batch the process had in flight.
    await vi.waitFor(
      async () =>
        expect(await queryRows(db, sql`select pid from pg_stat_activity where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`)).toEqual([]),
      { timeout: 10_000, interval: 50 },
    );
    const killed = await runRow();
    expect(killed.status).toBe("running");
    expect(killed.processed).toBeLessThan(inScope);
    // What committed is exactly what the run's progress says: each batch wrote its changes with its progress.
    const teamRows = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(teamMembers).where(eq(teamMembers.teamId, fixture.everyoneTeamId)))[0]!.n;
    expect(await teamRows()).toBe(killed.processed);
    expect(killed.counts).toEqual({ checked: killed.processed, changed: 2 * killed.processed, suspended: 0, purged: 0, errors: 0 });

    const second = startWorker(url);
    await second.ready;
    await vi.waitFor(async () => expect((await runRow()).status).toBe("succeeded"), { timeout: 20_000, interval: 100 });
    second.signal("SIGTERM");

    const done = await runRow();
    expect(done).toMatchObject({ processed: inScope, total: inScope, error: null });
    expect(done.counts).toEqual({ checked: inScope, changed: 2 * inScope, suspended: removed.length, purged: expired.length, errors: 0 });
    expect(await teamRows()).toBe(inScope);
    const access = await db
      .select({ role: members.role, status: members.status, n: sql<number>`count(*)::int` })
      .from(members)
      .where(eq(members.directoryId, fixture.directoryId))
      .groupBy(members.role, members.status)
      .orderBy(asc(members.status));
    expect(access).toEqual([
      { role: "viewer", status: "active", n: inScope },
      { role: "member", status: "suspended", n: removed.length },
    ]);
    const events = await db
      .select({ action: activityEvents.action })
      .from(activityEvents)
      .where(and(eq(activityEvents.resourceType, "sync_run"), eq(activityEvents.resourceId, id)))
      .orderBy(asc(activityEvents.id));
    expect(events.map((event) => event.action)).toEqual(["sync.started", "sync.resumed", "sync.finished"]);

    // And the data is that of a clean run: another run finds nothing to change.
    const again = await runSyncRun(db, (await requestSyncRun(db, { workspaceId: fixture.workspaceId, directoryId: fixture.directoryId, trigger: "manual" })).id);
    expect(again.counts).toEqual({ checked: inScope, changed: 0, suspended: 0, purged: 0, errors: 0 });
  }, 40_000);
});
