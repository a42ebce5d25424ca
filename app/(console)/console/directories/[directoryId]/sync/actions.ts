"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { actionDirectory } from "@/lib/actions/action-directory";
import { ActionError, adminAction } from "@/lib/actions/admin-action";
import { requestSyncRun, setSyncInterval, SyncRunError, syncIntervalChoices } from "@/lib/sync";

const directoryId = z.uuid("Unknown directory.");

const asActionError = (error: unknown) => (error instanceof SyncRunError ? new ActionError(error.message) : error);

export const syncNowAction = adminAction(z.object({ directoryId }), async (input, access): Promise<{ runId: string }> => {
  const directory = await actionDirectory(access, input.directoryId);
  try {
    const run = await requestSyncRun(getDb(), { workspaceId: access.workspace.id, directoryId: directory.id, trigger: "manual", actorUserId: access.userId });
    return { runId: run.id };
  } catch (error) {
    throw asActionError(error);
  }
});

export const setSyncIntervalAction = adminAction(
  z.object({
    directoryId,
    minutes: z.number().refine((m) => (syncIntervalChoices as readonly number[]).includes(m), "Pick one of the listed intervals."),
  }),
  async (input, access): Promise<{ nextSyncAt: string | null }> => {
    const directory = await actionDirectory(access, input.directoryId);
    try {
      const { nextSyncAt } = await setSyncInterval(getDb(), { workspaceId: access.workspace.id, directoryId: directory.id, minutes: input.minutes, actorUserId: access.userId });
      return { nextSyncAt: nextSyncAt ? nextSyncAt.toISOString() : null };
    } catch (error) {
      throw asActionError(error);
    }
  },
);
