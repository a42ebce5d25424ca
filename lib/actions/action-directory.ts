import { getDb } from "@/db/client";
import type { DirectoryConnection } from "@/db/schema";
import type { ConsoleAccess } from "@/lib/auth/console-access";
import { findWorkspaceDirectory } from "@/lib/directories/find-workspace-directory";
import { ActionError } from "./admin-action";

/** The directory a console action names, refused unless it belongs to the admin's own workspace. */
export async function actionDirectory(access: ConsoleAccess, directoryId: string): Promise<DirectoryConnection> {
  const directory = await findWorkspaceDirectory(getDb(), access.workspace.id, directoryId);
  if (!directory) throw new ActionError("This directory does not exist in your workspace.");
  return directory;
}
