import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { uuidArray } from "@/lib/scim/groups/group-members";

/**
 * The given groups and every group nested in them, at any depth, as a one-column subquery
 * (`group_id`). UNION drops groups already found, so a cycle in the nesting ends the recursion.
 */
export function groupsUnder(groupIds: string[]): SQL {
  return sql`(with recursive tree(group_id) as (
      select unnest(${uuidArray(groupIds)})
      union
      select c.child_group_id from tree join directory_group_children c on c.group_id = tree.group_id
    ) select group_id from tree)`;
}

/** The users in the given groups, directly or through nested groups (each once). */
export async function usersUnderGroups(db: Db, groupIds: string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await queryRows<{ member_id: string }>(
    db,
    sql`select distinct member_id from directory_group_members where group_id in ${groupsUnder(groupIds)}`,
  );
  return rows.map((row) => row.member_id);
}
