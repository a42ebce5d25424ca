import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, type SyncRun } from "@/db/schema";
import { activityActions } from "@/lib/activity/actions";
import { insertActivityEvents } from "@/lib/activity/insert-activity-events";
import { recomputeMemberAccess } from "@/lib/mappings/recompute-member-access";
import { purgeExpiredMembers } from "@/lib/members/purge-expired-members";
import { advanceSyncRun, type SyncRunContext } from "./sync-run-context";

/** One step of a run, in its own transaction with the run locked; `more`: the same step has more to do. */
export type SyncStep = (tx: Db, context: SyncRunContext, batchSize: number) => Promise<{ run: SyncRun; more: boolean }>;

/**
 * Recomputes the teams and role of the next members of the directory after the run's cursor, in
 * id order, and moves the cursor past them in the same transaction: after a crash the run goes
 * on after the last batch that committed, and no batch is counted twice.
 */
export const recomputeMemberBatch: SyncStep = async (tx, { run, directory }, batchSize) => {
  const batch = await tx
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.directoryId, directory.id),
        isNull(members.directoryRemovedAt),
        run.lastMemberId ? gt(members.id, run.lastMemberId) : undefined,
      ),
    )
    .orderBy(asc(members.id))
    .limit(batchSize);
  const last = batch.at(-1);
  if (!last) return { run, more: false };

  // A run can add tens of thousands of team rows in a minute, faster than autovacuum analyzes:
  // planned on the stale count, each batch's recompute scanned every new row once per member in
  // scope (100,000 members: 75 s instead of 4 s). Fresh statistics cost a few ms per batch.
  await tx.execute(sql`analyze team_members`);
  const access = await recomputeMemberAccess(tx, { directoryId: directory.id, memberIds: batch.map((member) => member.id) });
  const advanced = await advanceSyncRun(tx, run, {
    processed: batch.length,
    lastMemberId: last.id,
    counts: { checked: access.members, changed: access.rolesChanged + access.teamRowsAdded + access.teamRowsRemoved },
  });
  return { run: advanced, more: batch.length === batchSize };
};

/**
 * Repairs members the directory removed who are still active (removal suspends them): suspends
 * them with the purge date their removal set, or the directory's retention window from their
 * removal, and records `member.suspended` for each.
 */
export const suspendRemovedMembers: SyncStep = async (tx, { run, directory }, batchSize) => {
  const stillActive = tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.directoryId, directory.id), isNotNull(members.directoryRemovedAt), eq(members.status, "active")))
    .orderBy(asc(members.id))
    .limit(batchSize)
    .for("update");
  const suspended = await tx
    .update(members)
    .set({
      status: "suspended",
      purgeAfter: sql`coalesce(${members.purgeAfter}, ${members.directoryRemovedAt} + make_interval(days => ${directory.retentionDays}))`,
      version: sql`${members.version} + 1`,
    })
    .where(inArray(members.id, stillActive))
    .returning({ id: members.id, userName: members.userName, directoryRemovedAt: members.directoryRemovedAt, purgeAfter: members.purgeAfter });
  if (suspended.length === 0) return { run, more: false };

  await insertActivityEvents(
    tx,
    suspended.map((member) => ({
      kind: activityActions["member.suspended"],
      action: "member.suspended",
      workspaceId: directory.workspaceId,
      directoryId: directory.id,
      memberId: member.id,
      resourceType: "User",
      resourceId: member.id,
      summary: `Suspended ${member.userName}: the directory had removed them, but they were still active`,
      changes: { status: { from: "active", to: "suspended" }, directoryRemovedAt: member.directoryRemovedAt, purgeAfter: member.purgeAfter, syncRunId: run.id },
    })),
  );
  const advanced = await advanceSyncRun(tx, run, { counts: { suspended: suspended.length } });
  return { run: advanced, more: suspended.length === batchSize };
};

/** Purges the directory's members whose retention window ended (see purgeExpiredMembers), a batch at a time. */
export const purgeMemberBatch: SyncStep = async (tx, { run, directory }, batchSize) => {
  const { membersPurged } = await purgeExpiredMembers(tx, { directoryId: directory.id, limit: batchSize });
  if (membersPurged === 0) return { run, more: false };
  const advanced = await advanceSyncRun(tx, run, { counts: { purged: membersPurged } });
  return { run: advanced, more: membersPurged === batchSize };
};
