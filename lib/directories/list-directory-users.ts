import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { members, type DirectoryConnection, type Member } from "@/db/schema";
import { containsPattern } from "@/db/like-pattern";
import { decodeCursor, encodeCursor, rowsAfter } from "@/lib/paging/keyset-cursor";

/** How the console shows a directory's member: a directory-removed member waits for its purge. */
const directoryUserStatuses = ["active", "suspended", "pending_purge"] as const;
export type DirectoryUserStatus = (typeof directoryUserStatuses)[number];

export const listDirectoryUsersInput = z.object({
  search: z.string().trim().max(200).optional(),
  status: z.enum(["all", ...directoryUserStatuses]).default("all"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListDirectoryUsersInput = z.input<typeof listDirectoryUsersInput>;

export type DirectoryUserItem = {
  id: string;
  name: string;
  userName: string;
  email: string | null;
  status: DirectoryUserStatus;
  /** When a pending-purge member is purged. */
  purgeAfter: string | null;
  source: Member["source"];
  role: Member["role"];
  roleManagedByDirectory: boolean;
  updatedAt: string;
};

export type DirectoryUserPage = { users: DirectoryUserItem[]; nextCursor: string | null };

/** The name people are listed by: the display name, else the userName. */
export const memberName = sql<string>`coalesce(${members.displayName}, ${members.userName})`;
/** Keyset order of people: must stay textually equal to the expression of the index on (directory_id, this, id). */
export const memberSortKey = sql<string>`lower(coalesce(${members.displayName}, ${members.userName}))`;

export function directoryUserStatus(member: Pick<Member, "status" | "directoryRemovedAt">): DirectoryUserStatus {
  return member.directoryRemovedAt ? "pending_purge" : member.status;
}

const statusConditions: Record<DirectoryUserStatus, SQL> = {
  active: and(isNull(members.directoryRemovedAt), eq(members.status, "active"))!,
  suspended: and(isNull(members.directoryRemovedAt), eq(members.status, "suspended"))!,
  pending_purge: isNotNull(members.directoryRemovedAt),
};

/** Name, userName or email containing `search`, ignoring case. */
export function memberMatches(search: string): SQL {
  const pattern = containsPattern(search);
  return or(ilike(members.displayName, pattern), ilike(members.userName, pattern), ilike(members.email, pattern))!;
}

const cursorSchema = z.tuple([z.string(), z.uuid()]);

/**
 * One page of the members a directory provisioned, including those it removed (pending purge),
 * by name with keyset paging. The caller has checked that the directory is the admin's.
 */
export async function listDirectoryUsers(
  db: Db,
  directory: Pick<DirectoryConnection, "id" | "workspaceId">,
  input: ListDirectoryUsersInput = {},
): Promise<DirectoryUserPage> {
  const { search, status, cursor, limit } = listDirectoryUsersInput.parse(input);
  const after = decodeCursor(cursor, cursorSchema);
  const rows = await db
    .select({
      id: members.id,
      name: memberName,
      userName: members.userName,
      email: members.email,
      status: members.status,
      directoryRemovedAt: members.directoryRemovedAt,
      purgeAfter: members.purgeAfter,
      source: members.source,
      role: members.role,
      roleManagedByDirectory: members.roleManagedByDirectory,
      updatedAt: members.updatedAt,
      sortKey: memberSortKey,
    })
    .from(members)
    .where(
      and(
        eq(members.directoryId, directory.id),
        eq(members.workspaceId, directory.workspaceId),
        status === "all" ? undefined : statusConditions[status],
        search ? memberMatches(search) : undefined,
        after ? rowsAfter([memberSortKey, members.id], after) : undefined,
      ),
    )
    .orderBy(asc(memberSortKey), asc(members.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    users: page.map((r) => ({
      id: r.id,
      name: r.name,
      userName: r.userName,
      email: r.email,
      status: directoryUserStatus(r),
      purgeAfter: r.directoryRemovedAt && r.purgeAfter ? new Date(r.purgeAfter).toISOString() : null,
      source: r.source,
      role: r.role,
      roleManagedByDirectory: r.roleManagedByDirectory,
      updatedAt: new Date(r.updatedAt).toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
