import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { DirectoryConnection } from "@/db/schema";
import { requireAdminPage } from "@/lib/auth/current-access";
import type { ConsoleAccess } from "@/lib/auth/console-access";
import { findWorkspaceDirectory } from "./find-workspace-directory";

/**
 * For a directory's console pages: the admin (checked on the server) and the directory, which must
 * belong to the admin's workspace (else the not-found page). Once per request: layout and page both ask.
 */
export const requireDirectoryPage = cache(async (directoryId: string): Promise<{ access: ConsoleAccess; directory: DirectoryConnection }> => {
  const access = await requireAdminPage();
  const directory = await findWorkspaceDirectory(getDb(), access.workspace.id, directoryId);
  if (!directory) notFound();
  return { access, directory };
});
