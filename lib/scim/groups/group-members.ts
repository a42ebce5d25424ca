import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";

export type GroupMemberRef = { value: string; display: string; type: "User" | "Group" };

/** A list of uuids as one bound parameter (a JS array would become one parameter per element). */
export const uuidArray = (ids: string[]): SQL => sql`string_to_array(${ids.join(",")}, ',')::uuid[]`;

/** Users and nested groups of one group, as rows `group_id, value, display, type`. */
export function groupMemberRows(groupIds: SQL): SQL {
  return sql`
    select gm.group_id, gm.member_id as value, coalesce(m.display_name, m.user_name) as display, 'User' as type
      from directory_group_members gm join members m on m.id = gm.member_id
     where gm.group_id = any(${groupIds})
    union all
    select c.group_id, c.child_group_id as value, g.display_name as display, 'Group' as type
      from directory_group_children c join directory_groups g on g.id = c.child_group_id
     where c.group_id = any(${groupIds})`;
}

/** The members of several groups in one query, by group id. */
export async function loadGroupMembers(db: Db, groupIds: string[]): Promise<Map<string, GroupMemberRef[]>> {
  const byGroup = new Map<string, GroupMemberRef[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return byGroup;
  const rows = await queryRows<{ group_id: string; value: string; display: string; type: "User" | "Group" }>(
    db,
    sql`${groupMemberRows(uuidArray(groupIds))} order by 1, 4 desc, 3`,
  );
  for (const row of rows) byGroup.get(row.group_id)?.push({ value: row.value, display: row.display, type: row.type });
  return byGroup;
}
