import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryTokens } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";

/** Names one token by id or by its visible prefix; naming none revokes every valid token of the directory. */
export type RevokeTokenInput = { directoryId: string; revokedByUserId?: string } & (
  | { tokenId: string; prefix?: undefined }
  | { prefix: string; tokenId?: undefined }
  | { tokenId?: undefined; prefix?: undefined }
);

export type RevokedToken = { id: string; prefix: string; revokedAt: Date };

/**
 * Ends the matching tokens now, including any still in a rotation grace period, and records
 * `token.revoked` for each. Returns what it revoked: nothing when no valid token matched.
 */
export async function revokeToken(db: Db, input: RevokeTokenInput): Promise<RevokedToken[]> {
  return db.transaction(async (tx) => {
    const [directory] = await tx
      .select({ workspaceId: directoryConnections.workspaceId, name: directoryConnections.name })
      .from(directoryConnections)
      .where(eq(directoryConnections.id, input.directoryId));
    if (!directory) throw new Error(`Directory ${input.directoryId} does not exist`);

    const revoked = await tx
      .update(directoryTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(directoryTokens.directoryId, input.directoryId),
          input.tokenId === undefined ? undefined : eq(directoryTokens.id, input.tokenId),
          input.prefix === undefined ? undefined : eq(directoryTokens.prefix, input.prefix),
          or(isNull(directoryTokens.revokedAt), gt(directoryTokens.revokedAt, sql`now()`)),
          or(isNull(directoryTokens.expiresAt), gt(directoryTokens.expiresAt, sql`now()`)),
        ),
      )
      .returning({ id: directoryTokens.id, prefix: directoryTokens.prefix, revokedAt: directoryTokens.revokedAt });

    for (const token of revoked) {
      await recordActivity(tx, {
        action: "token.revoked",
        workspaceId: directory.workspaceId,
        directoryId: input.directoryId,
        actorUserId: input.revokedByUserId,
        resourceType: "token",
        resourceId: token.id,
        summary: `Revoked token ${token.prefix}… of "${directory.name}"`,
        changes: { prefix: token.prefix },
      });
    }
    return revoked.flatMap(({ id, prefix, revokedAt }) => (revokedAt ? [{ id, prefix, revokedAt }] : []));
  });
}
