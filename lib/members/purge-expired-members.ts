import { and, asc, eq, inArray, isNotNull, lte, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, users } from "@/db/schema";
import { activityActions, type ActivityAction } from "@/lib/activity/actions";
import { insertActivityEvents } from "@/lib/activity/insert-activity-events";

export type PurgeExpiredMembersOptions = {
  /** Members whose `purge_after` is at or before this instant are purged; defaults to now. */
  now?: Date;
  /** Only this directory's removed members (a sync run's own scope). */
  directoryId?: string;
  /** At most this many members in this call; the rest wait for the next one. */
  limit?: number;
};

export type PurgeExpiredMembersResult = {
  membersPurged: number;
  /** Sign-in identities (with their sessions and accounts) left with no membership anywhere. */
  usersDeleted: number;
};

const batchSize = 1_000;
const purged: ActivityAction = "member.purged";

/**
 * Deletes the members a directory removed whose retention window has ended and who were neither
 * re-provisioned nor reactivated since (both clear `directory_removed_at` and `purge_after`).
 * Their team and group memberships go with them (foreign keys cascade); their activity events
 * stay. A sign-in identity is deleted only when no membership in any workspace is left to it.
 * Each batch is its own transaction, so a crash loses at most the batch in flight, and rows
 * another instance is purging are skipped rather than waited for or purged twice.
 */
export async function purgeExpiredMembers(
  db: Db,
  { now = new Date(), directoryId, limit = Number.POSITIVE_INFINITY }: PurgeExpiredMembersOptions = {},
): Promise<PurgeExpiredMembersResult> {
  const total: PurgeExpiredMembersResult = { membersPurged: 0, usersDeleted: 0 };
  while (total.membersPurged < limit) {
    const size = Math.min(batchSize, limit - total.membersPurged);
    const batch = await db.transaction((tx) => purgeBatch(tx, { now, directoryId, size }));
    total.membersPurged += batch.membersPurged;
    total.usersDeleted += batch.usersDeleted;
    if (batch.membersPurged < size) break;
  }
  return total;
}

async function purgeBatch(
  tx: Db,
  { now, directoryId, size }: { now: Date; directoryId?: string; size: number },
): Promise<PurgeExpiredMembersResult> {
  const expired = tx
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        lte(members.purgeAfter, now),
        eq(members.status, "suspended"),
        isNotNull(members.directoryRemovedAt),
        directoryId ? eq(members.directoryId, directoryId) : undefined,
      ),
    )
    .orderBy(asc(members.purgeAfter))
    .limit(size)
    .for("update", { skipLocked: true });
  const removed = await tx.delete(members).where(inArray(members.id, expired)).returning({
    id: members.id,
    workspaceId: members.workspaceId,
    directoryId: members.directoryId,
    userId: members.userId,
    userName: members.userName,
    directoryRemovedAt: members.directoryRemovedAt,
    purgeAfter: members.purgeAfter,
  });
  if (removed.length === 0) return { membersPurged: 0, usersDeleted: 0 };

  const userIds = [...new Set(removed.flatMap((member) => (member.userId ? [member.userId] : [])))];
  const deletedUsers =
    userIds.length === 0
      ? []
      : await tx
          .delete(users)
          .where(and(inArray(users.id, userIds), notExists(tx.select({ one: sql`1` }).from(members).where(eq(members.userId, users.id)))))
          .returning({ id: users.id });
  const deletedUserIds = new Set(deletedUsers.map((user) => user.id));

  await insertActivityEvents(
    tx,
    removed.map((member) => ({
      kind: activityActions[purged],
      action: purged,
      workspaceId: member.workspaceId,
      directoryId: member.directoryId,
      memberId: member.id,
      resourceType: "User",
      resourceId: member.id,
      summary: `Purged ${member.userName}: removed from the directory and not re-provisioned within the retention window`,
      changes: {
        userName: member.userName,
        directoryRemovedAt: member.directoryRemovedAt,
        purgeAfter: member.purgeAfter,
        signInIdentityDeleted: member.userId !== null && deletedUserIds.has(member.userId),
      },
    })),
  );
  return { membersPurged: removed.length, usersDeleted: deletedUsers.length };
}
