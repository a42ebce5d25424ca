"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { pgErrorFields, seatLimitCode } from "@/db/pg-error";
import { actionDirectory } from "@/lib/actions/action-directory";
import { ActionError, adminAction } from "@/lib/actions/admin-action";
import { disableDirectory, enableDirectory, type DisabledDirectory } from "@/lib/directories/set-directory-state";
import { setWelcomeEmail } from "@/lib/directories/set-welcome-email";

const directoryId = z.uuid("Unknown directory.");

export const enableDirectoryAction = adminAction(z.object({ directoryId }), async (input, access): Promise<{ changed: boolean }> => {
  await actionDirectory(access, input.directoryId);
  const { changed } = await enableDirectory(getDb(), { directoryId: input.directoryId, workspaceId: access.workspace.id, actorUserId: access.userId });
  refresh();
  return { changed };
});

export type DisableDirectoryResult = Pick<DisabledDirectory, "changed" | "tokensDeleted" | "groupsRemoved" | "externalIdsCleared"> & { ownerRestored: boolean };

export const disableDirectoryAction = adminAction(
  z.object({ directoryId, confirmName: z.string() }),
  async (input, access): Promise<DisableDirectoryResult> => {
    const directory = await actionDirectory(access, input.directoryId);
    if (input.confirmName.trim() !== directory.name.trim()) throw new ActionError(`Type the directory's name, “${directory.name}”, to confirm.`);
    const disabled = await disableDirectory(getDb(), { directoryId: directory.id, workspaceId: access.workspace.id, actorUserId: access.userId }).catch(
      (error: unknown) => {
        if (pgErrorFields(error)?.code !== seatLimitCode) throw error;
        throw new ActionError(
          "Disabling would leave no active admin, and making the workspace owner active again needs a free seat. Free a seat or raise the limit, then disable again. Nothing was changed.",
        );
      },
    );
    refresh();
    const { changed, tokensDeleted, groupsRemoved, externalIdsCleared } = disabled;
    return { changed, tokensDeleted, groupsRemoved, externalIdsCleared, ownerRestored: disabled.restoredOwnerMemberId !== null };
  },
);

export const setWelcomeEmailAction = adminAction(z.object({ directoryId, enabled: z.boolean() }), async (input, access): Promise<{ changed: boolean }> => {
  const directory = await actionDirectory(access, input.directoryId);
  const result = await setWelcomeEmail(getDb(), { directoryId: directory.id, workspaceId: access.workspace.id, enabled: input.enabled, actorUserId: access.userId });
  refresh();
  return result;
});
