import { asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamMembers, teams } from "@/db/schema";

export type TeamListItem = { id: string; name: string; memberCount: number };

export async function listTeams(db: Db, workspaceId: string): Promise<TeamListItem[]> {
  return db
    .select({ id: teams.id, name: teams.name, memberCount: count(teamMembers.memberId) })
    .from(teams)
    .leftJoin(teamMembers, eq(teamMembers.teamId, teams.id))
    .where(eq(teams.workspaceId, workspaceId))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
}
