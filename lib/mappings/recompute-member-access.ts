import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { uuidArray } from "@/lib/scim/groups/group-members";
import { groupsUnder } from "./group-tree";

/**
 * Whose access to recompute. With neither list, every member the directory manages (linked and
 * not removed by it); otherwise the listed members plus the users in the listed groups, directly
 * or through nested groups.
 */
export type RecomputeScope = { directoryId: string; memberIds?: string[]; groupIds?: string[] };

export type RecomputeCounts = {
  /** Members looked at. */
  members: number;
  /** Members whose role or "managed by directory" flag changed. */
  rolesChanged: number;
  teamRowsAdded: number;
  teamRowsRemoved: number;
};

export const noAccessChanges: RecomputeCounts = { members: 0, rolesChanged: 0, teamRowsAdded: 0, teamRowsRemoved: 0 };

export const accessChanged = (counts: RecomputeCounts) => counts.rolesChanged + counts.teamRowsAdded + counts.teamRowsRemoved > 0;

/**
 * Brings the role and directory-sourced teams of the members in scope in line with the directory's
 * groups and mappings, in the caller's transaction, in two statements whatever the member count:
 *
 * - role: the highest privilege among the mappings of every group the member is in, directly or
 *   through nesting (the admin group grants at least admin); a member in no mapped group whose role
 *   the directory managed falls back to the workspace default role. An owner's role is never
 *   touched, and a role set by hand on a member no mapping reaches is kept.
 * - teams: a `directory` row for each team a reaching mapping names; directory rows no longer
 *   justified go; `manual` rows are never touched.
 *
 * A child group inherits its parent's mapping, and a user of the child is also a member of the
 * parent; so the mappings that reach a user are exactly those of the user's groups and all their
 * ancestors, and one recursive walk down from the mapped groups finds them all.
 */
export async function recomputeMemberAccess(tx: Db, scope: RecomputeScope): Promise<RecomputeCounts> {
  const inScope = scopeCondition(scope);
  if (!inScope) return noAccessChanges;
  // Recomputes of one directory take turns, each reading in a statement that starts once the
  // previous one committed: two concurrent membership changes (or a membership change and a
  // mapping edit) would otherwise each miss the other's uncommitted change and leave a stale role.
  // Taken last in the caller's transaction, after its own row locks, so it cannot close a cycle.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rollcall:mappings:${scope.directoryId}`}))`);

  const [row] = await queryRows<{ members: number; roles_changed: number; team_rows_added: number; team_rows_removed: number }>(
    tx,
    recomputeSql(scope.directoryId, inScope),
  );
  return {
    members: row?.members ?? 0,
    rolesChanged: row?.roles_changed ?? 0,
    teamRowsAdded: row?.team_rows_added ?? 0,
    teamRowsRemoved: row?.team_rows_removed ?? 0,
  };
}

/** The one statement that reads the groups and mappings and writes roles and team rows. */
function recomputeSql(directoryId: string, inScope: SQL): SQL {
  return sql`
    with recursive
    reach (mapping_id, group_id) as (
      select id, group_id from group_mappings where directory_id = ${directoryId}
      union
      select reach.mapping_id, c.child_group_id from reach join directory_group_children c on c.group_id = reach.group_id
    ),
    scope as (
      select m.id, m.role, m.role_managed_by_directory, w.default_role
        from members m join workspaces w on w.id = m.workspace_id
       where m.directory_id = ${directoryId} and m.directory_removed_at is null and (${inScope})
    ),
    grants as (
      select distinct s.id as member_id, gm.team_id,
             case when gm.is_admin_group then least(coalesce(gm.role, 'admin'::member_role), 'admin'::member_role) else gm.role end as role
        from scope s
        join directory_group_members dgm on dgm.member_id = s.id
        join reach on reach.group_id = dgm.group_id
        join group_mappings gm on gm.id = reach.mapping_id
    ),
    -- member_role sorts in declaration order, owner first: min() is the highest privilege.
    mapped as (select member_id, min(role) as role from grants group by member_id),
    target as (
      select s.id,
             case when mapped.role is not null then mapped.role
                  when s.role_managed_by_directory then s.default_role
                  else s.role end as role,
             mapped.role is not null as managed
        from scope s left join mapped on mapped.member_id = s.id
       where s.role <> 'owner'
    ),
    roles_changed as (
      update members m
         set role = target.role, role_managed_by_directory = target.managed, version = m.version + 1, updated_at = now()
        from target
       where m.id = target.id and (m.role <> target.role or m.role_managed_by_directory <> target.managed)
      returning 1
    ),
    wanted as (select distinct member_id, team_id from grants where team_id is not null),
    team_rows_added as (
      insert into team_members (team_id, member_id, source)
      select team_id, member_id, 'directory' from wanted
      on conflict do nothing
      returning 1
    ),
    -- not in, not "not exists": the planner hashes "wanted" once instead of scanning it for every
    -- directory team row of the workspace (0.7 s per 2,000 members at 20,000 such rows). Neither
    -- side has nulls, so the two mean the same.
    team_rows_removed as (
      delete from team_members tm using scope s
       where tm.member_id = s.id and tm.source = 'directory'
         and (tm.member_id, tm.team_id) not in (select member_id, team_id from wanted)
      returning 1
    )
    select (select count(*) from scope)::int as members,
           (select count(*) from roles_changed)::int as roles_changed,
           (select count(*) from team_rows_added)::int as team_rows_added,
           (select count(*) from team_rows_removed)::int as team_rows_removed`;
}

/** The condition on `m` (members) for the scope; undefined when the scope is empty. */
function scopeCondition({ memberIds, groupIds }: RecomputeScope): SQL | undefined {
  if (memberIds === undefined && groupIds === undefined) return sql`true`;
  const parts: SQL[] = [];
  if (memberIds?.length) parts.push(sql`m.id = any(${uuidArray(memberIds)})`);
  if (groupIds?.length) parts.push(sql`m.id in (select member_id from directory_group_members where group_id in ${groupsUnder(groupIds)})`);
  return parts.length ? sql.join(parts, sql` or `) : undefined;
}
