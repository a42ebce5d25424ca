import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, type DirectoryConnection } from "@/db/schema";
import { isUuid } from "@/lib/scim/is-uuid";

/** A directory connection of this workspace, or undefined: another workspace's id is treated as unknown. */
export async function findWorkspaceDirectory(db: Db, workspaceId: string, directoryId: string): Promise<DirectoryConnection | undefined> {
  if (!isUuid(directoryId)) return undefined;
  const [directory] = await db
    .select()
    .from(directoryConnections)
    .where(and(eq(directoryConnections.id, directoryId), eq(directoryConnections.workspaceId, workspaceId)));
  return directory;
}
