import { and, asc, eq, ilike, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { directoryGroups } from "@/db/schema";
import { containsPattern } from "@/db/like-pattern";
import { decodeCursor, encodeCursor, rowsAfter } from "@/lib/paging/keyset-cursor";

export const listDirectoryGroupsInput = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListDirectoryGroupsInput = z.input<typeof listDirectoryGroupsInput>;

export type DirectoryGroupItem = {
  id: string;
  displayName: string;
  externalId: string | null;
  /** Direct members only: users, and groups nested in this one. */
  userCount: number;
  groupCount: number;
  updatedAt: string;
};

export type DirectoryGroupPage = { groups: DirectoryGroupItem[]; nextCursor: string | null };

const cursorSchema = z.tuple([z.string(), z.uuid()]);
const sortKey = sql<string>`lower(${directoryGroups.displayName})`;

/** One page of a directory's groups by name, with member counts, using keyset paging. */
export async function listDirectoryGroups(db: Db, directoryId: string, input: ListDirectoryGroupsInput = {}): Promise<DirectoryGroupPage> {
  const { search, cursor, limit } = listDirectoryGroupsInput.parse(input);
  const after = decodeCursor(cursor, cursorSchema);
  const rows = await db
    .select({
      id: directoryGroups.id,
      displayName: directoryGroups.displayName,
      externalId: directoryGroups.externalId,
      updatedAt: directoryGroups.updatedAt,
      sortKey,
      // Counted per row of this page only, each an index-only scan of the membership primary key.
      // Aliased and qualified: drizzle leaves a one-table select's columns unqualified.
      userCount: sql<number>`(select count(*) from directory_group_members gm where gm.group_id = "directory_groups"."id")::int`,
      groupCount: sql<number>`(select count(*) from directory_group_children gc where gc.group_id = "directory_groups"."id")::int`,
    })
    .from(directoryGroups)
    .where(
      and(
        eq(directoryGroups.directoryId, directoryId),
        search ? ilike(directoryGroups.displayName, containsPattern(search)) : undefined,
        after ? rowsAfter([sortKey, directoryGroups.id], after) : undefined,
      ),
    )
    .orderBy(asc(sortKey), asc(directoryGroups.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    groups: page.map((g) => ({
      id: g.id,
      displayName: g.displayName,
      externalId: g.externalId,
      userCount: g.userCount,
      groupCount: g.groupCount,
      updatedAt: new Date(g.updatedAt).toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
