import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { directoryGroups, teams } from "@/db/schema";
import { removeGroupMapping, setGroupMapping } from "@/lib/mappings/group-mappings";
import type { BenchDirectory } from "./seed-bench-directory";

export type MappingPhaseResult = {
  groupMembers: number;
  /** setGroupMapping (team + role) on the group: the mapping and every member's recompute, one transaction. */
  setMs: number;
  /** Members that had the mapped role and team right after. */
  membersMapped: number;
  removeMs: number;
};

/**
 * Puts `count` stored users into a new group in one statement (how they got there does not matter
 * here), then maps the group to a team and a role and removes the mapping, timing each call as the
 * console's server action would make it.
 */
export async function mapLargeGroup(db: Db, directory: BenchDirectory, count: number): Promise<MappingPhaseResult> {
  const [group] = await db.insert(directoryGroups).values({ directoryId: directory.directoryId, displayName: "Bench mapped group" }).returning({ id: directoryGroups.id });
  const [team] = await db.insert(teams).values({ workspaceId: directory.workspaceId, name: "Bench mapped team" }).returning({ id: teams.id });
  const groupId = group!.id;
  await db.execute(sql`
    insert into directory_group_members (group_id, member_id)
    select ${groupId}, id from members where directory_id = ${directory.directoryId} and directory_removed_at is null order by id limit ${count}`);
  await db.execute(sql`analyze directory_group_members`);

  const target = { workspaceId: directory.workspaceId, directoryId: directory.directoryId, groupId };
  let started = performance.now();
  await setGroupMapping(db, { ...target, teamId: team!.id, role: "admin" });
  const setMs = Math.round(performance.now() - started);

  const [mapped] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from directory_group_members gm
          join members m on m.id = gm.member_id and m.role = 'admin' and m.role_managed_by_directory
          join team_members tm on tm.member_id = gm.member_id and tm.team_id = ${team!.id} and tm.source = 'directory'
         where gm.group_id = ${groupId}`,
  );

  started = performance.now();
  await removeGroupMapping(db, target);
  const removeMs = Math.round(performance.now() - started);
  return { groupMembers: count, setMs, membersMapped: mapped?.n ?? 0, removeMs };
}
