import { asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";

/** `directoryMemberCount`: members a directory group mapping put in the team. */
export type TeamListItem = { id: string; name: string; memberCount: number; directoryMemberCount: number };

export async function listTeams(db: Db, workspaceId: string): Promise<TeamListItem[]> {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      memberCount: count(teamMembers.memberId),
      directoryMemberCount: sql<number>`(count(*) filter (where ${teamMembers.source} = 'directory'))::int`,
    })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(eq(teams.workspaceId, workspaceId))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
}
