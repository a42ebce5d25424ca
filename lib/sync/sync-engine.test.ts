import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database, type Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { activityEvents, directoryConnections, syncRuns, type SyncRun } from "@/db/schema";
import { createDirectory } from "@/lib/directories/create-directory";
import { disableDirectory } from "@/lib/directories/set-directory-state";
import { createJobQueue, startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { setUpTestDatabase, testDatabaseKind } from "@/test/database";
import { seedSyncFixture, type SyncFixture } from "@/test/sync-fixture";
import { requestSyncRun } from "./request-sync-run";
import { tickSyncSchedule } from "./schedule-sync-runs";
import { startSyncEngine } from "./start-sync-engine";
import { SyncRunError } from "./sync-run-error";
import { syncScheduleQueue } from "./sync-queues";

const database = setUpTestDatabase();
const size = 60;
const engine = { pollingIntervalSeconds: 0.5, batchSize: 10 };

let boss: PgBoss;
let db: Db;
let fixture: SyncFixture;

beforeAll(async () => {
  boss = await startJobQueue(database());
  await startSyncEngine(boss, database().db, engine);
});
afterAll(() => stopJobQueue());

beforeEach(async () => {
  db = database().db;
  fixture = await seedSyncFixture(db, size);
});

const runsOf = (directoryId: string) => db.select().from(syncRuns).where(eq(syncRuns.directoryId, directoryId)).orderBy(asc(syncRuns.createdAt));

/** Waits until the directory has no queued or running run, and returns all its runs. */
async function settled(directoryId = fixture.directoryId, timeout = 20_000): Promise<SyncRun[]> {
  await vi.waitFor(async () => expect((await runsOf(directoryId)).filter((run) => run.status === "queued" || run.status === "running")).toEqual([]), {
    timeout,
    interval: 100,
  });
  return runsOf(directoryId);
}

const setNextSync = (at: ReturnType<typeof sql>, directoryId = fixture.directoryId) =>
  db.update(directoryConnections).set({ nextSyncAt: at }).where(eq(directoryConnections.id, directoryId));

const nextSyncOf = async (directoryId = fixture.directoryId) =>
  (await db.select({ at: directoryConnections.nextSyncAt }).from(directoryConnections).where(eq(directoryConnections.id, directoryId)))[0]!.at;

/** The scheduler counts an interval from the start of the current minute. */
function expectIntervalFromNow(date: Date | null, minutes: number) {
  const from = date!.getTime() - Date.now();
  expect(from).toBeGreaterThan((minutes - 1) * 60_000);
  expect(from).toBeLessThanOrEqual(minutes * 60_000);
}

describe("the sync engine on the job queue", () => {
  it("runs a requested run on a worker to its end, and the scheduler runs every minute", async () => {
    expect((await boss.getSchedules()).filter((s) => s.name === syncScheduleQueue).map((s) => s.cron)).toEqual(["* * * * *"]);
    const run = await requestSyncRun(db, { workspaceId: fixture.workspaceId, directoryId: fixture.directoryId, trigger: "manual" });

    const [done] = await settled();
    expect(done).toMatchObject({ id: run.id, status: "succeeded", processed: size, counts: { checked: size, changed: 2 * size, suspended: 0, purged: 0, errors: 0 } });
  });

  it("schedules a run once per interval, however many ticks run at once, and keeps the next run time", async () => {
    expect(await nextSyncOf()).toBeNull();
    expect(await tickSyncSchedule(db, boss)).toEqual({ scheduled: 0, resent: 0, abandoned: 0 });
    expectIntervalFromNow(await nextSyncOf(), 40);

    await setNextSync(sql`now() - interval '1 second'`);
    const ticks = await Promise.all(Array.from({ length: 4 }, () => tickSyncSchedule(db, boss)));
    expect(ticks.reduce((sum, tick) => sum + tick.scheduled, 0)).toBe(1);
    expectIntervalFromNow(await nextSyncOf(), 40);

    const runs = await settled();
    expect(runs.map((run) => [run.trigger, run.status])).toEqual([["scheduled", "succeeded"]]);
    expect(await tickSyncSchedule(db, boss)).toEqual({ scheduled: 0, resent: 0, abandoned: 0 });

    // Due while a run is going: no second run; the schedule moves on to the next interval.
    await requestSyncRun(db, { workspaceId: fixture.workspaceId, directoryId: fixture.directoryId, trigger: "manual" });
    await setNextSync(sql`now() - interval '1 second'`);
    expect((await tickSyncSchedule(db, boss)).scheduled).toBe(0);
    expectIntervalFromNow(await nextSyncOf(), 40);
    expect((await settled()).map((run) => run.trigger)).toEqual(["scheduled", "manual"]);

    await disableDirectory(db, { directoryId: fixture.directoryId, workspaceId: fixture.workspaceId });
    await tickSyncSchedule(db, boss);
    expect(await nextSyncOf()).toBeNull();
  });

  it("sends a job for a queued run that has none, and fails a running run that has none left", async () => {
    const [queued] = await db.insert(syncRuns).values({ directoryId: fixture.directoryId, trigger: "manual" }).returning();
    expect((await tickSyncSchedule(db, boss)).resent).toBe(1);
    expect((await tickSyncSchedule(db, boss)).resent).toBe(0);
    expect((await settled()).map((run) => [run.id, run.status])).toEqual([[queued!.id, "succeeded"]]);

    // A running run with no job left: pg-boss gave up retrying it (its processes kept dying).
    const [stuck] = await db
      .insert(syncRuns)
      .values({ directoryId: fixture.directoryId, trigger: "scheduled", status: "running", total: size, startedAt: sql`now()`, counts: { checked: 0, changed: 0, suspended: 0, purged: 0, errors: 0 } })
      .returning();
    expect(await tickSyncSchedule(db, boss)).toEqual({ scheduled: 0, resent: 0, abandoned: 1 });
    const [failed] = await db.select().from(syncRuns).where(eq(syncRuns.id, stuck!.id));
    expect(failed).toMatchObject({ status: "failed", error: "The sync stopped: the process running it stopped each time before it finished. Run it again." });
    const events = await db.select({ action: activityEvents.action }).from(activityEvents).where(eq(activityEvents.resourceId, stuck!.id));
    expect(events.map((event) => event.action)).toEqual(["sync.failed"]);
  });
});

describe.runIf(testDatabaseKind === "postgres")("two app instances on one database", () => {
  let second: Database;
  let secondBoss: PgBoss;

  beforeAll(async () => {
    second = openDatabase({ url: (database() as Extract<Database, { kind: "postgres" }>).url });
    secondBoss = createJobQueue(second);
    await secondBoss.start();
    await startSyncEngine(secondBoss, second.db, engine);
  });
  afterAll(async () => {
    await secondBoss.stop({ graceful: false });
    await second.close();
  });

  it("never run two runs of one directory at once, whatever the burst of requests and ticks, and a due schedule makes one run", async () => {
    const { directory: other } = await createDirectory(db, { workspaceId: fixture.workspaceId, idpType: "entra" });
    const directories = [fixture.directoryId, other.id];
    const instances = [
      { db, boss },
      { db: second.db, boss: secondBoss },
    ];

    await Promise.all(directories.map((id) => setNextSync(sql`now() - interval '1 second'`, id)));
    const ticks = await Promise.all(instances.flatMap((instance) => [1, 2, 3].map(() => tickSyncSchedule(instance.db, instance.boss))));
    expect(ticks.reduce((sum, tick) => sum + tick.scheduled, 0)).toBe(2);

    const overlaps: unknown[] = [];
    const refused: unknown[] = [];
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      const requests = instances.flatMap((instance) =>
        directories.map((directoryId) =>
          requestSyncRun(instance.db, { workspaceId: fixture.workspaceId, directoryId, trigger: "manual" }).catch((error: unknown) => {
            if (!(error instanceof SyncRunError)) throw error;
            refused.push(error);
          }),
        ),
      );
      await Promise.all([...requests, tickSyncSchedule(instances[1]!.db, secondBoss)]);
      overlaps.push(
        ...(await queryRows(db, sql`select directory_id from sync_runs where status in ('queued', 'running') group by directory_id having count(*) > 1`)),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(overlaps).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);

    for (const directoryId of directories) {
      const runs = await settled(directoryId, 25_000);
      expect(runs.filter((run) => run.trigger === "scheduled")).toHaveLength(1);
      expect(runs.length).toBeGreaterThan(1);
      for (const run of runs) expect(run.status).toBe("succeeded");
      // One after the other: each run started after the previous one finished.
      for (const [previous, next] of runs.slice(1).map((run, i) => [runs[i]!, run] as const)) {
        expect(next.startedAt!.getTime()).toBeGreaterThanOrEqual(previous.finishedAt!.getTime());
      }
      const starts = await db
        .select({ action: activityEvents.action })
        .from(activityEvents)
        .where(and(eq(activityEvents.directoryId, directoryId), inArray(activityEvents.action, ["sync.started", "sync.resumed"])));
      expect(starts.map((event) => event.action)).toEqual(runs.map(() => "sync.started"));
    }
  }, 30_000);
});
