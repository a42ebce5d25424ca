import type { Db } from "@/db/client";
import { directoryConnections, type DirectoryConnection, type DirectoryToken, type IdpType } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { idpLabels } from "./idp-names";
import { issueToken } from "./issue-token";

export type CreateDirectoryInput = { workspaceId: string; idpType: IdpType; name?: string; createdByUserId?: string };

/** The token in clear exists only in this result: show it once, never store or log it. */
export type CreatedDirectory = { directory: DirectoryConnection; token: string; tokenRecord: DirectoryToken };

/** Creates an active directory connection with its first token, in one transaction. */
export async function createDirectory(db: Db, input: CreateDirectoryInput): Promise<CreatedDirectory> {
  const name = input.name?.trim() || idpLabels[input.idpType];
  return db.transaction(async (tx) => {
    const [directory] = await tx
      .insert(directoryConnections)
      .values({ workspaceId: input.workspaceId, idpType: input.idpType, name, state: "active" })
      .returning();
    if (!directory) throw new Error("Inserting the directory connection returned no row");

    await recordActivity(tx, {
      action: "directory.created",
      workspaceId: input.workspaceId,
      directoryId: directory.id,
      actorUserId: input.createdByUserId,
      resourceType: "directory",
      resourceId: directory.id,
      summary: `Created directory "${name}" (${idpLabels[input.idpType]})`,
      changes: { name, idpType: input.idpType, state: directory.state },
    });
    const { token, record } = await issueToken(tx, { directoryId: directory.id, createdByUserId: input.createdByUserId });
    return { directory, token, tokenRecord: record };
  });
}
