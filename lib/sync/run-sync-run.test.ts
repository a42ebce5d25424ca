import { and, asc, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { activityEvents, members, teamMembers, teams, workspaces } from "@/db/schema";
import { disableDirectory } from "@/lib/directories/set-directory-state";
import { setUpTestDatabase } from "@/test/database";
import { accessSnapshot, seedSyncFixture, type SyncFixture } from "@/test/sync-fixture";
import { requestSyncRun } from "./request-sync-run";
import { runSyncRun } from "./run-sync-run";

const database = setUpTestDatabase();
const size = 40;

let db: Db;
let fixture: SyncFixture;

beforeEach(async () => {
  db = database().db;
  fixture = await seedSyncFixture(db, size);
});

const request = () => requestSyncRun(db, { workspaceId: fixture.workspaceId, directoryId: fixture.directoryId, trigger: "manual" });

async function syncOnce(batchSize = 7) {
  const run = await request();
  return runSyncRun(db, run.id, { batchSize });
}

const syncEvents = (runId: string) =>
  db
    .select({ action: activityEvents.action, kind: activityEvents.kind, summary: activityEvents.summary, error: activityEvents.error })
    .from(activityEvents)
    .where(and(eq(activityEvents.resourceType, "sync_run"), eq(activityEvents.resourceId, runId)))
    .orderBy(asc(activityEvents.id));

const seatsUsed = async () => (await db.select({ used: workspaces.seatsUsed }).from(workspaces).where(eq(workspaces.id, fixture.workspaceId)))[0]!.used;

describe("a sync run", () => {
  it("brings every member's role and teams in line with the mappings, in batches, and records its counts and events", async () => {
    const run = await syncOnce();

    expect(run).toMatchObject({ status: "succeeded", total: size, processed: size, error: null });
    expect(run.counts).toEqual({ checked: size, changed: 2 * size, suspended: 0, purged: 0, errors: 0 });
    expect(run.startedAt).toBeInstanceOf(Date);
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt!.getTime());
    const access = await accessSnapshot(db, fixture.workspaceId);
    const synced = access.filter((member) => fixture.memberIds.includes(member.id));
    expect(new Set(synced.map((member) => `${member.role} ${member.managed} ${member.teams}`))).toEqual(new Set([`viewer true ${fixture.everyoneTeamId}:directory`]));

    const events = await syncEvents(run.id);
    expect(events.map((event) => `${event.kind} ${event.action}`)).toEqual(["sync sync.started", "sync sync.finished"]);
    expect(events[1]!.summary).toContain(`${size} checked, ${2 * size} changed, 0 suspended, 0 purged, 0 errors`);
  });

  it("fixes drift made behind its back, and a second run right after changes nothing", async () => {
    await syncOnce();
    const [roleDrift, teamRowGone, staleTeamRow, removedButActive, expired] = fixture.memberIds;
    const [stale] = await db.insert(teams).values({ workspaceId: fixture.workspaceId, name: "Stale" }).returning({ id: teams.id });
    await db.update(members).set({ role: "admin" }).where(eq(members.id, roleDrift!));
    await db.delete(teamMembers).where(eq(teamMembers.memberId, teamRowGone!));
    await db.insert(teamMembers).values({ teamId: stale!.id, memberId: staleTeamRow!, source: "directory" });
    await db.update(members).set({ directoryRemovedAt: sql`now() - interval '1 day'` }).where(eq(members.id, removedButActive!));
    await db
      .update(members)
      .set({ status: "suspended", directoryRemovedAt: sql`now() - interval '100 days'`, purgeAfter: sql`now() - interval '10 days'` })
      .where(eq(members.id, expired!));
    const seatsBefore = await seatsUsed();
    await db.update(workspaces).set({ seatsUsed: 3 }).where(eq(workspaces.id, fixture.workspaceId));

    const fixing = await syncOnce();

    // The two removed members are out of the directory's scope: 38 checked.
    expect(fixing.counts).toEqual({ checked: size - 2, changed: 3, suspended: 1, purged: 1, errors: 0 });
    const [suspended] = await db.select().from(members).where(eq(members.id, removedButActive!));
    expect(suspended).toMatchObject({ status: "suspended" });
    expect(suspended!.purgeAfter!.getTime() - suspended!.directoryRemovedAt!.getTime()).toBe(90 * 24 * 3600 * 1000);
    expect(await db.select().from(members).where(eq(members.id, expired!))).toEqual([]);
    // The counter is repaired from the table: the removed member no longer takes a seat.
    expect(await seatsUsed()).toBe(seatsBefore - 1);
    const [finished] = (await syncEvents(fixing.id)).slice(-1);
    // 3, less the member the run suspended (the seat trigger counted that one).
    expect(finished!.summary).toContain(`seat count repaired from 2 to ${seatsBefore - 1}`);
    const [suspension] = await db
      .select({ summary: activityEvents.summary })
      .from(activityEvents)
      .where(and(eq(activityEvents.action, "member.suspended"), eq(activityEvents.memberId, removedButActive!)));
    expect(suspension!.summary).toContain("still active");

    const before = await accessSnapshot(db, fixture.workspaceId);
    const again = await syncOnce();
    expect(again.counts).toEqual({ checked: size - 2, changed: 0, suspended: 0, purged: 0, errors: 0 });
    expect(await accessSnapshot(db, fixture.workspaceId)).toEqual(before);
    expect(await seatsUsed()).toBe(seatsBefore - 1);
  });

  it("reports a workspace over its seat limit as an error and suspends nobody for it", async () => {
    await db.update(workspaces).set({ seatLimit: 10 }).where(eq(workspaces.id, fixture.workspaceId));
    const used = await seatsUsed();
    const statuses = async () => (await accessSnapshot(db, fixture.workspaceId)).map((member) => member.status);
    const before = await statuses();
    const run = await syncOnce();

    expect(run.status).toBe("succeeded");
    expect(run.counts).toMatchObject({ errors: 1, suspended: 0 });
    expect(run.error).toBe(`The workspace uses ${used} seats, over its limit of 10: raise the limit or suspend members.`);
    expect(await statuses()).toEqual(before);
    expect(await seatsUsed()).toBe(used);
  });

  it("advances its progress batch by batch while it runs", async () => {
    const run = await request();
    const seen = new Set<number>();
    let finished = false;
    const running = runSyncRun(db, run.id, { batchSize: 2 }).finally(() => {
      finished = true;
    });
    while (!finished) {
      const [row] = await queryRows<{ processed: number }>(db, sql`select processed from sync_runs where id = ${run.id}`);
      if (row) seen.add(row.processed);
    }
    expect((await running).processed).toBe(size);
    expect([...seen].filter((processed) => processed > 0 && processed < size).length).toBeGreaterThan(2);
  });

  it("fails clearly when the directory was turned off before the run started, and changes nothing", async () => {
    const run = await request();
    await disableDirectory(db, { directoryId: fixture.directoryId, workspaceId: fixture.workspaceId });
    const before = await accessSnapshot(db, fixture.workspaceId);

    const failed = await runSyncRun(db, run.id);

    expect(failed).toMatchObject({ status: "failed", error: "Directory sync is not enabled for this directory, so the sync did not run." });
    expect(failed.finishedAt).toBeInstanceOf(Date);
    expect(await accessSnapshot(db, fixture.workspaceId)).toEqual(before);
    expect((await syncEvents(run.id)).map((event) => [event.action, event.error])).toEqual([["sync.failed", failed.error]]);
  });

  it("stops at its deadline with its progress kept, and goes on from there; after a crash it records that it resumed", async () => {
    const run = await request();
    const paused = await runSyncRun(db, run.id, { batchSize: 7, deadline: Date.now() });
    expect(paused).toMatchObject({ status: "running", processed: 0, total: size });

    const resumed = await runSyncRun(db, run.id, { batchSize: 7, deadline: 0, retried: true });
    expect(resumed).toMatchObject({ status: "running", processed: 0 });
    const done = await runSyncRun(db, run.id, { batchSize: 7 });
    expect(done).toMatchObject({ status: "succeeded", processed: size, counts: { checked: size, changed: 2 * size, suspended: 0, purged: 0, errors: 0 } });

    const events = await syncEvents(run.id);
    expect(events.map((event) => event.action)).toEqual(["sync.started", "sync.resumed", "sync.finished"]);
    expect(events[1]!.summary).toBe('Resumed the sync of "Okta" at 0 of 40 members: its previous attempt stopped part-way');
  });

  it("does nothing for a run that already finished", async () => {
    const run = await syncOnce();
    const [before] = await db.select({ n: sql<number>`count(*)::int` }).from(activityEvents);
    expect(await runSyncRun(db, run.id)).toEqual(run);
    const [after] = await db.select({ n: sql<number>`count(*)::int` }).from(activityEvents);
    expect(after!.n).toBe(before!.n);
  });
});
