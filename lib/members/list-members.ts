import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { containsPattern } from "@/db/like-pattern";
import { members } from "@/db/schema";
import { decodeCursor, encodeCursor, rowsAfter } from "@/lib/paging/keyset-cursor";

export const listMembersInput = z.object({
  search: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListMembersInput = z.input<typeof listMembersInput>;

export type MemberListItem = {
  id: string;
  name: string;
  email: string | null;
  role: (typeof members.$inferSelect)["role"];
  status: (typeof members.$inferSelect)["status"];
  source: (typeof members.$inferSelect)["source"];
  directoryManaged: boolean;
  /** The role comes from the directory's group mappings, not from an admin. */
  roleManagedByDirectory: boolean;
  /** By name; `fromDirectory` when a group mapping put the member in the team. */
  teams: { name: string; fromDirectory: boolean }[];
  updatedAt: string;
};

export type MemberPage = { members: MemberListItem[]; nextCursor: string | null };

const cursorSchema = z.tuple([z.string(), z.uuid()]);
const sortKey = sql<string>`lower(coalesce(${members.displayName}, ${members.userName}))`;

/** One page of a workspace's members, ordered by name, with keyset paging so deep pages stay fast. */
export async function listMembers(db: Db, workspaceId: string, input: ListMembersInput = {}): Promise<MemberPage> {
  const { search, cursor, limit } = listMembersInput.parse(input);
  const conditions: (SQL | undefined)[] = [eq(members.workspaceId, workspaceId)];
  if (search) {
    const pattern = containsPattern(search);
    conditions.push(or(ilike(members.displayName, pattern), ilike(members.userName, pattern), ilike(members.email, pattern)));
  }
  const after = decodeCursor(cursor, cursorSchema);
  if (after) conditions.push(rowsAfter([sortKey, members.id], after));

  const rows = await db
    .select({
      id: members.id,
      name: sql<string>`coalesce(${members.displayName}, ${members.userName})`,
      email: members.email,
      role: members.role,
      status: members.status,
      source: members.source,
      directoryId: members.directoryId,
      roleManagedByDirectory: members.roleManagedByDirectory,
      updatedAt: members.updatedAt,
      sortKey,
      // Written out with aliases: drizzle leaves columns unqualified in a one-table select, which
      // would bind them to the subquery's tables.
      teams: sql<MemberListItem["teams"]>`coalesce((
        select json_agg(json_build_object('name', t.name, 'fromDirectory', tm.source = 'directory') order by t.name)
          from team_members tm join teams t on t.id = tm.team_id where tm.member_id = "members"."id"), '[]')`,
    })
    .from(members)
    .where(and(...conditions))
    .orderBy(asc(sortKey), asc(members.id))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    members: page.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      role: r.role,
      status: r.status,
      source: r.source,
      directoryManaged: r.directoryId !== null,
      roleManagedByDirectory: r.roleManagedByDirectory,
      teams: r.teams,
      updatedAt: new Date(r.updatedAt).toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
