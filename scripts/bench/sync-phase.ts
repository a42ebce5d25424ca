import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { syncRuns, type SyncCounts } from "@/db/schema";
import { requestSyncRun } from "@/lib/sync";
import type { BenchDirectory } from "./seed-bench-directory";

export type SyncPhaseResult = {
  members: number;
  groups: number;
  memberships: number;
  mappedGroups: number;
  status: string;
  /** From the run's start to its end, as the run recorded them. */
  runMs: number;
  /** From pressing "Sync now" to seeing the run finished (includes the job's pick-up). */
  wallMs: number;
  counts: SyncCounts | null;
  error: string | null;
};

const groupCount = 2_000;
/** Every tenth group is mapped: to one of 20 teams, and to a role. */
const mappedEvery = 10;

/**
 * Gives the directory 2,000 groups, each stored user in two of them and a tenth of the groups
 * mapped to teams and roles, written straight to the tables (no recompute), as if mappings had
 * changed behind the engine's back. Then asks for a sync run, as "Sync now" does, and waits for
 * the server's worker to finish it.
 */
export async function syncLargeDirectory(db: Db, directory: BenchDirectory): Promise<SyncPhaseResult> {
  const { directoryId, workspaceId } = directory;
  await db.execute(sql`
    insert into directory_groups (directory_id, display_name)
    select ${directoryId}, 'Bench sync group ' || g from generate_series(0, ${groupCount - 1}) as g`);
  await db.execute(sql`
    with numbered as (select id, row_number() over (order by id) as n from members where directory_id = ${directoryId} and directory_removed_at is null),
         grouped as (select id, (row_number() over (order by id)) - 1 as g from directory_groups where directory_id = ${directoryId} and display_name like 'Bench sync group %')
    insert into directory_group_members (group_id, member_id)
    select grouped.id, numbered.id from numbered join grouped on grouped.g in (numbered.n % ${groupCount}, (numbered.n * 7 + 3) % ${groupCount})
    on conflict do nothing`);
  await db.execute(sql`
    insert into teams (workspace_id, name) select ${workspaceId}, 'Bench sync team ' || t from generate_series(0, 19) as t`);
  await db.execute(sql`
    with grouped as (select id, (row_number() over (order by id)) - 1 as g from directory_groups where directory_id = ${directoryId} and display_name like 'Bench sync group %'),
         teamed as (select id, (row_number() over (order by id)) - 1 as t from teams where workspace_id = ${workspaceId} and name like 'Bench sync team %')
    insert into group_mappings (directory_id, group_id, team_id, role)
    select ${directoryId}, grouped.id, teamed.id, (case when grouped.g % 3 = 0 then 'viewer' else 'member' end)::member_role
      from grouped join teamed on teamed.t = (grouped.g / ${mappedEvery}) % 20
     where grouped.g % ${mappedEvery} = 0`);
  await db.execute(sql`analyze directory_groups; analyze directory_group_members; analyze group_mappings; analyze team_members`);
  const [shape] = await queryRows<{ members: number; memberships: number; mapped: number }>(
    db,
    sql`select (select count(*) from members where directory_id = ${directoryId} and directory_removed_at is null)::int as members,
               (select count(*) from directory_group_members gm join directory_groups g on g.id = gm.group_id where g.directory_id = ${directoryId})::int as memberships,
               (select count(*) from group_mappings where directory_id = ${directoryId})::int as mapped`,
  );

  const pressed = performance.now();
  const run = await requestSyncRun(db, { workspaceId, directoryId, trigger: "manual" });
  const deadline = Date.now() + 300_000;
  for (;;) {
    const [current] = await db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
    if (current && (current.status === "succeeded" || current.status === "failed")) {
      return {
        members: shape?.members ?? 0,
        groups: groupCount,
        memberships: shape?.memberships ?? 0,
        mappedGroups: shape?.mapped ?? 0,
        status: current.status,
        runMs: current.startedAt && current.finishedAt ? current.finishedAt.getTime() - current.startedAt.getTime() : Number.NaN,
        wallMs: Math.round(performance.now() - pressed),
        counts: current.counts,
        error: current.error,
      };
    }
    if (Date.now() > deadline) throw new Error(`The sync run ${run.id} did not finish within 300 s (status ${current?.status ?? "missing"})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
