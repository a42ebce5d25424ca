import { z } from "zod";
import type { RecomputeCounts } from "@/lib/mappings/recompute-member-access";
import { mappableRoles } from "@/lib/mappings/group-mappings";
import { teamName } from "@/lib/teams/create-team";

const directoryId = z.uuid("Unknown directory.");
const groupId = z.uuid("Unknown group.");

/** The team a mapping names: none, one that exists, or one to create (refused if the name is taken). */
export const mappingTeamSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("existing"), teamId: z.uuid("Pick a team.") }),
  z.object({ kind: z.literal("new"), name: teamName }),
]);
export type MappingTeamChoice = z.input<typeof mappingTeamSchema>;

export const saveMappingSchema = z.object({
  directoryId,
  groupId,
  team: mappingTeamSchema,
  role: z.enum(mappableRoles, { error: "Pick a role." }).nullable(),
  isAdminGroup: z.boolean(),
  /** The admin confirmed taking the admin group over from another group. */
  moveAdminGroup: z.boolean(),
});

export const removeMappingSchema = z.object({ directoryId, groupId });

/** What a mapping change did; `access` is null when nothing had to change. */
export type MappingSaved = { outcome: "saved"; access: RecomputeCounts | null };

/** The new team's name is taken: the dialog asks the admin to use that team or pick another name. */
export type TeamNameTaken = { outcome: "team-name-taken"; existingTeam: { id: string; name: string } };
