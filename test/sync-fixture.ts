import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryGroups, groupMappings, members, teamMembers, teams, workspaces, type MemberRole } from "@/db/schema";
import { createDirectory } from "@/lib/directories/create-directory";
import { seedAcme } from "./acme";
import { resetDatabase } from "./database";

export type SyncFixture = { workspaceId: string; directoryId: string; everyoneTeamId: string; memberIds: string[] };

/**
 * For a `beforeEach`: Acme with an active Okta directory of `size` members, every one in the group
 * "All", which is mapped to the team "Everyone" and the role viewer. Everything is written straight
 * to the tables, as if the mapping had changed behind the engine's back: nobody has that team or
 * role yet, so a sync run changes two things per member (the role, and one team row).
 */
export async function seedSyncFixture(db: Db, size: number): Promise<SyncFixture> {
  await resetDatabase(db);
  const { workspaceId } = await seedAcme(db);
  await db.update(workspaces).set({ seatLimit: size + 50 }).where(eq(workspaces.id, workspaceId));
  const { directory } = await createDirectory(db, { workspaceId, idpType: "okta" });
  const directoryId = directory.id;

  await db.execute(sql`
    insert into members (workspace_id, directory_id, user_name, email, external_id, source)
    select ${workspaceId}, ${directoryId}, 'user' || n || '@acme.test', 'user' || n || '@acme.test', 'ext-' || n, 'scim'
      from generate_series(1, ${size}) as n`);
  const [team] = await db.insert(teams).values({ workspaceId, name: "Everyone" }).returning({ id: teams.id });
  const [group] = await db.insert(directoryGroups).values({ directoryId, displayName: "All" }).returning({ id: directoryGroups.id });
  await db.execute(sql`
    insert into directory_group_members (group_id, member_id)
    select ${group!.id}, id from members where directory_id = ${directoryId}`);
  await db.insert(groupMappings).values({ directoryId, groupId: group!.id, teamId: team!.id, role: "viewer" });

  const rows = await db.select({ id: members.id }).from(members).where(eq(members.directoryId, directoryId)).orderBy(asc(members.id));
  return { workspaceId, directoryId, everyoneTeamId: team!.id, memberIds: rows.map((row) => row.id) };
}

export type MemberAccessRow = { id: string; status: string; role: MemberRole; managed: boolean; teams: string };

/** Every member of the workspace with status, role and team rows, in id order: compare before and after a run. */
export async function accessSnapshot(db: Db, workspaceId: string): Promise<MemberAccessRow[]> {
  return db
    .select({
      id: members.id,
      status: members.status,
      role: members.role,
      managed: members.roleManagedByDirectory,
      teams: sql<string>`coalesce((select string_agg(${teamMembers.teamId}::text || ':' || ${teamMembers.source}, ',' order by ${teamMembers.teamId}) from ${teamMembers} where ${teamMembers.memberId} = ${members.id}), '')`,
    })
    .from(members)
    .where(eq(members.workspaceId, workspaceId))
    .orderBy(asc(members.id));
}
