"use server";

import { refresh } from "next/cache";
import { getDb } from "@/db/client";
import { actionDirectory } from "@/lib/actions/action-directory";
import { ActionError, adminAction } from "@/lib/actions/admin-action";
import { GroupMappingError, removeGroupMapping, setGroupMapping } from "@/lib/mappings/group-mappings";
import { createTeam, TeamNameTakenError } from "@/lib/teams/create-team";
import { removeMappingSchema, saveMappingSchema, type MappingSaved, type TeamNameTaken } from "./mappings.schema";

export const saveMappingAction = adminAction(saveMappingSchema, async (input, access): Promise<MappingSaved | TeamNameTaken> => {
  const directory = await actionDirectory(access, input.directoryId);
  const { team } = input;
  try {
    // A team created for the mapping only exists if the mapping is saved too.
    const result = await getDb().transaction(async (tx) => {
      const teamId = team.kind === "existing" ? team.teamId : team.kind === "new" ? (await createTeam(tx, { workspaceId: access.workspace.id, name: team.name })).id : null;
      return setGroupMapping(tx, {
        workspaceId: access.workspace.id,
        directoryId: directory.id,
        groupId: input.groupId,
        teamId,
        role: input.role,
        isAdminGroup: input.isAdminGroup,
        moveAdminGroup: input.moveAdminGroup,
        actorUserId: access.userId,
      });
    });
    refresh();
    return { outcome: "saved", access: result.access };
  } catch (error) {
    if (error instanceof TeamNameTakenError) return { outcome: "team-name-taken", existingTeam: error.existingTeam };
    throw asActionError(error);
  }
});

export const removeMappingAction = adminAction(removeMappingSchema, async (input, access): Promise<MappingSaved> => {
  const directory = await actionDirectory(access, input.directoryId);
  try {
    const result = await removeGroupMapping(getDb(), { workspaceId: access.workspace.id, directoryId: directory.id, groupId: input.groupId, actorUserId: access.userId });
    refresh();
    return { outcome: "saved", access: result.access };
  } catch (error) {
    throw asActionError(error);
  }
});

function asActionError(error: unknown): unknown {
  return error instanceof GroupMappingError ? new ActionError(error.message) : error;
}
