import { and, asc, eq, exists, ilike, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db } from "@/db/client";
import { directoryGroupChildren, directoryGroupMembers, directoryGroups, members } from "@/db/schema";
import { containsPattern } from "@/db/like-pattern";
import { decodeCursor, encodeCursor, rowsAfter } from "@/lib/paging/keyset-cursor";
import { isUuid } from "@/lib/scim/is-uuid";
import { directoryUserStatus, memberMatches, memberName, memberSortKey, type DirectoryUserStatus } from "./list-directory-users";

export const listGroupMembersInput = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListGroupMembersInput = z.input<typeof listGroupMembersInput>;

export type GroupMemberItem =
  | { type: "group"; id: string; name: string; externalId: string | null }
  | { type: "user"; id: string; name: string; email: string | null; status: DirectoryUserStatus };

export type GroupMemberPage = { members: GroupMemberItem[]; nextCursor: string | null };

// Nested groups come first, then users; each part by name. The cursor names the part it stopped in.
const cursorSchema = z.tuple([z.enum(["group", "user"]), z.string(), z.uuid()]);

const child = alias(directoryGroups, "child");
const childSortKey = sql<string>`lower(${child.displayName})`;

/**
 * One page of a group's direct members, or undefined when the group is not one of this directory's.
 * The caller has checked that the directory is the admin's.
 */
export async function listGroupMembers(
  db: Db,
  directoryId: string,
  groupId: string,
  input: ListGroupMembersInput = {},
): Promise<GroupMemberPage | undefined> {
  const { search, cursor, limit } = listGroupMembersInput.parse(input);
  if (!isUuid(groupId)) return undefined;
  const [group] = await db
    .select({ id: directoryGroups.id })
    .from(directoryGroups)
    .where(and(eq(directoryGroups.id, groupId), eq(directoryGroups.directoryId, directoryId)));
  if (!group) return undefined;

  const after = decodeCursor(cursor, cursorSchema);
  const page: GroupMemberItem[] = [];
  let last: { type: "group" | "user"; sortKey: string; id: string } | undefined;
  let more = false;

  if (after?.[0] !== "user") {
    const groups = await db
      .select({ id: child.id, name: child.displayName, externalId: child.externalId, sortKey: childSortKey })
      .from(directoryGroupChildren)
      .innerJoin(child, eq(child.id, directoryGroupChildren.childGroupId))
      .where(
        and(
          eq(directoryGroupChildren.groupId, groupId),
          search ? ilike(child.displayName, containsPattern(search)) : undefined,
          after ? rowsAfter([childSortKey, child.id], [after[1], after[2]]) : undefined,
        ),
      )
      .orderBy(asc(childSortKey), asc(child.id))
      .limit(limit + 1);
    for (const g of groups.slice(0, limit)) {
      page.push({ type: "group", id: g.id, name: g.name, externalId: g.externalId });
      last = { type: "group", sortKey: g.sortKey, id: g.id };
    }
    more = groups.length > limit;
  }

  if (!more) {
    const room = limit - page.length;
    // Walks the directory's members in name order and keeps the group's: a large group fills a
    // page after a few rows, and a small one is cheap to sort instead.
    const users = await db
      .select({
        id: members.id,
        name: memberName,
        email: members.email,
        status: members.status,
        directoryRemovedAt: members.directoryRemovedAt,
        sortKey: memberSortKey,
      })
      .from(members)
      .where(
        and(
          eq(members.directoryId, directoryId),
          exists(
            db
              .select({ one: sql`1` })
              .from(directoryGroupMembers)
              .where(and(eq(directoryGroupMembers.groupId, groupId), eq(directoryGroupMembers.memberId, members.id))),
          ),
          search ? memberMatches(search) : undefined,
          after?.[0] === "user" ? rowsAfter([memberSortKey, members.id], [after[1], after[2]]) : undefined,
        ),
      )
      .orderBy(asc(memberSortKey), asc(members.id))
      .limit(room + 1);
    for (const u of users.slice(0, room)) {
      page.push({ type: "user", id: u.id, name: u.name, email: u.email, status: directoryUserStatus(u) });
      last = { type: "user", sortKey: u.sortKey, id: u.id };
    }
    more = users.length > room;
  }

  return { members: page, nextCursor: more && last ? encodeCursor([last.type, last.sortKey, last.id]) : null };
}
