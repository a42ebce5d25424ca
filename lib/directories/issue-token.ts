import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryTokens, type DirectoryToken } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { generateDirectoryToken } from "./directory-token";

export type IssueTokenInput = { directoryId: string; expiresAt?: Date; createdByUserId?: string };

/** The token in clear exists only in this result: show it once, never store or log it. */
export type IssuedToken = { token: string; record: DirectoryToken };

/** Why a disabled directory gets no token: its IdP would be refused anyway. */
export const disabledDirectoryTokenMessage = "Directory sync is disabled for this directory, so it cannot get a new token. Enable it on the Settings tab first.";

/** Adds a bearer token to a directory (its other tokens stay valid) and records `token.created`; a disabled directory gets none. */
export async function issueToken(db: Db, { directoryId, expiresAt, createdByUserId }: IssueTokenInput): Promise<IssuedToken> {
  return db.transaction(async (tx) => {
    const [directory] = await tx
      .select({ workspaceId: directoryConnections.workspaceId, name: directoryConnections.name, state: directoryConnections.state })
      .from(directoryConnections)
      .where(eq(directoryConnections.id, directoryId));
    if (!directory) throw new Error(`Directory ${directoryId} does not exist`);
    if (directory.state === "disabled") throw new Error(disabledDirectoryTokenMessage);

    const { token, prefix, hash } = generateDirectoryToken();
    const [record] = await tx
      .insert(directoryTokens)
      .values({ directoryId, prefix, hash, expiresAt, createdByUserId })
      .returning();
    if (!record) throw new Error("Inserting the directory token returned no row");

    await recordActivity(tx, {
      action: "token.created",
      workspaceId: directory.workspaceId,
      directoryId,
      actorUserId: createdByUserId,
      resourceType: "token",
      resourceId: record.id,
      summary: `Created token ${prefix}… for "${directory.name}"${expiresAt ? `, expiring ${expiresAt.toISOString()}` : ""}`,
      changes: { prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { token, record };
  });
}
