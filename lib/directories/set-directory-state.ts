import { and, asc, count, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryGroupChildren, directoryGroupMembers, directoryGroups, directoryTokens, members, type DirectoryConnection } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { adminRoles } from "@/lib/auth/console-access";

export type SetDirectoryStateInput = { directoryId: string; workspaceId: string; actorUserId?: string };

export type EnabledDirectory = { directory: DirectoryConnection; changed: boolean };

export type DisabledDirectory = {
  directory: DirectoryConnection;
  /** False when the directory was already disabled: nothing was touched. */
  changed: boolean;
  tokensDeleted: number;
  groupsRemoved: number;
  groupMembershipsRemoved: number;
  externalIdsCleared: number;
  /** The member made owner again because no active owner or admin was left, if any. */
  restoredOwnerMemberId: string | null;
};

/** Turns directory sync on (draft or disabled → active) and records `directory.enabled`. */
export async function enableDirectory(db: Db, { directoryId, workspaceId, actorUserId }: SetDirectoryStateInput): Promise<EnabledDirectory> {
  return db.transaction(async (tx) => {
    const directory = await lockDirectory(tx, directoryId, workspaceId);
    if (directory.state === "active") return { directory, changed: false };

    const [updated] = await tx.update(directoryConnections).set({ state: "active" }).where(eq(directoryConnections.id, directoryId)).returning();
    await recordActivity(tx, {
      action: "directory.enabled",
      workspaceId,
      directoryId,
      actorUserId,
      resourceType: "directory",
      resourceId: directoryId,
      summary: `Enabled directory sync for "${directory.name}"`,
      changes: { state: { from: directory.state, to: "active" } },
    });
    return { directory: updated!, changed: true };
  });
}

/**
 * Turns directory sync off, in one transaction: the directory's tokens are deleted (its IdP is
 * refused from then on), its groups and their memberships removed, and its members' external ids
 * cleared. Members keep their status, role and data. If no active owner or admin is left in the
 * workspace, the workspace owner is made an active owner again.
 */
export async function disableDirectory(db: Db, { directoryId, workspaceId, actorUserId }: SetDirectoryStateInput): Promise<DisabledDirectory> {
  return db.transaction(async (tx) => {
    const directory = await lockDirectory(tx, directoryId, workspaceId);
    if (directory.state === "disabled") {
      return { directory, changed: false, tokensDeleted: 0, groupsRemoved: 0, groupMembershipsRemoved: 0, externalIdsCleared: 0, restoredOwnerMemberId: null };
    }

    const [updated] = await tx.update(directoryConnections).set({ state: "disabled" }).where(eq(directoryConnections.id, directoryId)).returning();
    const tokens = await tx.delete(directoryTokens).where(eq(directoryTokens.directoryId, directoryId)).returning({ id: directoryTokens.id });

    const groupIds = tx.select({ id: directoryGroups.id }).from(directoryGroups).where(eq(directoryGroups.directoryId, directoryId));
    // Counted before the groups go: their member and child rows (and mappings) cascade with them.
    const [userMemberships] = await tx.select({ n: count() }).from(directoryGroupMembers).where(inArray(directoryGroupMembers.groupId, groupIds));
    const [groupMemberships] = await tx.select({ n: count() }).from(directoryGroupChildren).where(inArray(directoryGroupChildren.groupId, groupIds));
    const groups = await tx.delete(directoryGroups).where(eq(directoryGroups.directoryId, directoryId)).returning({ id: directoryGroups.id });

    const cleared = await tx
      .update(members)
      .set({ externalId: null })
      .where(and(eq(members.directoryId, directoryId), isNotNull(members.externalId)))
      .returning({ id: members.id });
    // No directory decides these roles any more: they become editable by hand, unchanged.
    await tx
      .update(members)
      .set({ roleManagedByDirectory: false })
      .where(and(eq(members.directoryId, directoryId), eq(members.roleManagedByDirectory, true)));

    const restoredOwnerMemberId = await keepAnOwner(tx, workspaceId);

    const result = {
      tokensDeleted: tokens.length,
      groupsRemoved: groups.length,
      groupMembershipsRemoved: (userMemberships?.n ?? 0) + (groupMemberships?.n ?? 0),
      externalIdsCleared: cleared.length,
    };
    await recordActivity(tx, {
      action: "directory.disabled",
      workspaceId,
      directoryId,
      actorUserId,
      resourceType: "directory",
      resourceId: directoryId,
      summary:
        `Disabled directory sync for "${directory.name}": ${plural(result.tokensDeleted, "token")} deleted, ` +
        `${plural(result.groupsRemoved, "group")} removed, ${plural(result.externalIdsCleared, "external id")} cleared` +
        (restoredOwnerMemberId ? "; the workspace owner was made an active owner again" : ""),
      changes: { state: { from: directory.state, to: "disabled" }, ...result, restoredOwnerMemberId },
    });
    return { directory: updated!, changed: true, ...result, restoredOwnerMemberId };
  });
}

/** The directory row, locked against a concurrent enable/disable; another workspace's id is unknown. */
async function lockDirectory(tx: Db, directoryId: string, workspaceId: string): Promise<DirectoryConnection> {
  const [directory] = await tx
    .select()
    .from(directoryConnections)
    .where(and(eq(directoryConnections.id, directoryId), eq(directoryConnections.workspaceId, workspaceId)))
    .for("update");
  if (!directory) throw new Error(`Directory ${directoryId} does not exist in workspace ${workspaceId}`);
  return directory;
}

/**
 * Makes sure someone can still administer the workspace. When no active owner or admin remains,
 * the workspace owner (a member with the owner role, else the earliest member who can sign in)
 * becomes an active owner again, out of any pending purge. Returns that member's id, if changed.
 */
async function keepAnOwner(tx: Db, workspaceId: string): Promise<string | null> {
  const [admin] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.status, "active"), inArray(members.role, [...adminRoles])))
    .limit(1);
  if (admin) return null;

  const [owner] = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), or(eq(members.role, "owner"), isNotNull(members.userId))))
    .orderBy(desc(sql`${members.role} = 'owner'`), desc(sql`${members.userId} is not null`), asc(members.createdAt), asc(members.id))
    .limit(1);
  if (!owner) return null;

  await tx
    .update(members)
    .set({ role: "owner", status: "active", roleManagedByDirectory: false, directoryRemovedAt: null, purgeAfter: null, version: sql`${members.version} + 1` })
    .where(eq(members.id, owner.id));
  return owner.id;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
