import { and, asc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activityEvents, directoryConnections, users, workspaces } from "@/db/schema";
import { disableDirectory } from "@/lib/directories/set-directory-state";
import { ownerEmail } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { seedSyncFixture, type SyncFixture } from "@/test/sync-fixture";
import { requestSyncRun, syncAlreadyRunning } from "./request-sync-run";
import { runSyncRun } from "./run-sync-run";
import { setSyncInterval } from "./set-sync-interval";
import { syncIntervalChoices } from "./sync-intervals";
import { listSyncRuns, syncOverview } from "./sync-overview";
import { SyncRunError } from "./sync-run-error";

const database = setUpTestDatabase();

let db: Db;
let fixture: SyncFixture;

beforeEach(async () => {
  db = database().db;
  fixture = await seedSyncFixture(db, 5);
});

const request = (input: Partial<Parameters<typeof requestSyncRun>[1]> = {}) =>
  requestSyncRun(db, { workspaceId: fixture.workspaceId, directoryId: fixture.directoryId, trigger: "manual", ...input });

const minutesFromNow = (date: Date | null) => (date ? Math.round((date.getTime() - Date.now()) / 60_000) : null);

describe("requestSyncRun", () => {
  it("queues one run at a time per directory: a second request while one is queued or running is refused", async () => {
    const first = await request();
    expect(first).toMatchObject({ status: "queued", trigger: "manual", processed: 0, total: null, counts: null });
    await expect(request()).rejects.toEqual(new SyncRunError(syncAlreadyRunning));

    const burst = await Promise.allSettled(Array.from({ length: 8 }, () => request({ trigger: "scheduled" })));
    expect(burst.every((result) => result.status === "rejected" && result.reason instanceof SyncRunError)).toBe(true);

    await runSyncRun(db, first.id);
    const next = await request({ trigger: "scheduled" });
    expect(next.trigger).toBe("scheduled");
  });

  it("lets exactly one of many simultaneous requests through", async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => request()));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toEqual(new SyncRunError(syncAlreadyRunning));
  });

  it("refuses a directory that is not active, or not in the workspace", async () => {
    await disableDirectory(db, { directoryId: fixture.directoryId, workspaceId: fixture.workspaceId });
    await expect(request()).rejects.toEqual(new SyncRunError("Enable directory sync to run a sync."));

    const [other] = await db.insert(workspaces).values({ slug: "other", name: "Other", seatLimit: 5 }).returning({ id: workspaces.id });
    await expect(request({ workspaceId: other!.id })).rejects.toEqual(new SyncRunError("This directory does not exist in this workspace."));
    await expect(request({ directoryId: "not-a-uuid" })).rejects.toBeInstanceOf(SyncRunError);
  });

  it("keeps who asked for the run, and names them on its sync.started event only", async () => {
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, ownerEmail));
    const run = await request({ actorUserId: owner!.id });
    expect(run.actorUserId).toBe(owner!.id);
    await runSyncRun(db, run.id);

    const events = await db
      .select({ action: activityEvents.action, actorUserId: activityEvents.actorUserId })
      .from(activityEvents)
      .where(eq(activityEvents.resourceId, run.id))
      .orderBy(asc(activityEvents.id));
    expect(events).toEqual([
      { action: "sync.started", actorUserId: owner!.id },
      { action: "sync.finished", actorUserId: null },
    ]);
  });
});

describe("the sync schedule", () => {
  it("offers 15 minutes to 24 hours; sets the interval, moves the next run to one interval from now and records it; refuses what is out of range", async () => {
    expect(syncIntervalChoices).toEqual([15, 30, 40, 60, 120, 240, 480, 720, 1440]);
    const set = (minutes: number) => setSyncInterval(db, { workspaceId: fixture.workspaceId, directoryId: fixture.directoryId, minutes });
    for (const minutes of [10, 1441, 40.5]) await expect(set(minutes)).rejects.toEqual(new SyncRunError("Choose a sync interval between 15 minutes and 24 hours."));

    const changed = await set(120);
    expect(changed.changed).toBe(true);
    expect(minutesFromNow(changed.nextSyncAt)).toBe(120);
    expect(await set(120)).toEqual({ changed: false, nextSyncAt: changed.nextSyncAt });
    const [event] = await db
      .select({ summary: activityEvents.summary, changes: activityEvents.changes })
      .from(activityEvents)
      .where(and(eq(activityEvents.action, "directory.updated"), eq(activityEvents.directoryId, fixture.directoryId)));
    expect(event).toEqual({ summary: 'Set "Okta" to sync every 2 hours', changes: { syncIntervalMinutes: { from: 40, to: 120 } } });

    const overview = await syncOverview(db, fixture.directoryId);
    expect(overview).toMatchObject({ intervalMinutes: 120, nextSyncAt: changed.nextSyncAt, current: null, runs: [] });

    await disableDirectory(db, { directoryId: fixture.directoryId, workspaceId: fixture.workspaceId });
    expect(await set(15)).toEqual({ changed: true, nextSyncAt: null });
  });

  it("shows the run in progress and the latest runs, newest first", async () => {
    const first = await request();
    await runSyncRun(db, first.id);
    const second = await request();
    await db.update(directoryConnections).set({ nextSyncAt: sql`now() + interval '5 minutes'` }).where(eq(directoryConnections.id, fixture.directoryId));

    const overview = await syncOverview(db, fixture.directoryId);
    expect(overview.current?.id).toBe(second.id);
    expect(overview.runs.map((run) => [run.id, run.status])).toEqual([
      [second.id, "queued"],
      [first.id, "succeeded"],
    ]);
    expect(minutesFromNow(overview.nextSyncAt)).toBe(5);
    expect(await listSyncRuns(db, fixture.directoryId, 1)).toEqual([overview.current]);
  });
});
