"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { actionDirectory } from "@/lib/actions/action-directory";
import { adminAction } from "@/lib/actions/admin-action";
import { scimBaseUrl } from "@/lib/directories/scim-base-url";
import { testConnection, type ConnectionCheck } from "@/lib/directories/test-connection";
import { env } from "@/lib/env";

export type ConnectionTestRun = { ranAt: string; checks: ConnectionCheck[] };

export const runConnectionTestAction = adminAction(z.object({ directoryId: z.uuid("Unknown directory.") }), async ({ directoryId }, access): Promise<ConnectionTestRun> => {
  const directory = await actionDirectory(access, directoryId);
  const checks = await testConnection(getDb(), directory, { scimBaseUrl: scimBaseUrl(env().appUrl, directory.id), actorUserId: access.userId });
  return { ranAt: new Date().toISOString(), checks };
});
