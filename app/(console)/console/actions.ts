"use server";

import { getDb } from "@/db/client";
import { ActionError, adminAction } from "@/lib/actions/admin-action";
import { MemberRoleError, setMemberRole, setMemberRoleInput } from "@/lib/members/set-member-role";

export const setMemberRoleAction = adminAction(setMemberRoleInput, async (input, access): Promise<{ changed: boolean }> => {
  try {
    return await setMemberRole(getDb(), { ...input, workspaceId: access.workspace.id, actorUserId: access.userId });
  } catch (error) {
    throw error instanceof MemberRoleError ? new ActionError(error.message) : error;
  }
});
