import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { teams } from "@/db/schema";

export const teamName = z.string().trim().min(1, "Name the team.").max(200, "A team name has at most 200 characters.");

export type CreatedTeam = { id: string; name: string };

/** The name is taken in the workspace (ignoring case): the caller decides, nothing is merged. */
export class TeamNameTakenError extends Error {
  constructor(readonly existingTeam: CreatedTeam) {
    super(`A team named "${existingTeam.name}" already exists in this workspace.`);
  }
}

/**
 * Creates a team; team names are unique per workspace ignoring case (`teams_workspace_name_idx`).
 * A taken name throws `TeamNameTakenError` naming the existing team. Safe inside a caller's
 * transaction: the conflict is skipped, not raised, so the transaction stays usable.
 */
export async function createTeam(db: Db, input: { workspaceId: string; name: string }): Promise<CreatedTeam> {
  const name = teamName.parse(input.name);
  const [created] = await db
    .insert(teams)
    .values({ workspaceId: input.workspaceId, name })
    .onConflictDoNothing()
    .returning({ id: teams.id, name: teams.name });
  if (created) return created;

  const [existing] = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.workspaceId, input.workspaceId), sql`lower(${teams.name}) = lower(${name})`));
  // Only the name index can conflict (ids are random): a miss means the team went away meanwhile.
  if (!existing) throw new Error(`Creating team "${name}" conflicted with a team that no longer exists`);
  throw new TeamNameTakenError(existing);
}
