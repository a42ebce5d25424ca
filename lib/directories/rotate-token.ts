import { and, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryTokens, type DirectoryToken } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { issueToken } from "./issue-token";

export type RotateTokenInput = {
  directoryId: string;
  /** How long the directory's other tokens stay valid; 0 revokes them now. */
  graceSeconds: number;
  createdByUserId?: string;
};

export type RotatedToken = {
  /** The new token in clear: show it once, never store or log it. */
  token: string;
  record: DirectoryToken;
  /** The tokens that were valid before, with the instant they stop working. */
  retired: { id: string; prefix: string; revokedAt: Date }[];
};

/**
 * Issues a new token and ends every other valid token of the directory after the grace period.
 * A token already in a grace period keeps the earlier of its own end and the new one: rotating
 * again never extends an old token's life.
 */
export async function rotateToken(db: Db, { directoryId, graceSeconds, createdByUserId }: RotateTokenInput): Promise<RotatedToken> {
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0) throw new Error(`graceSeconds must be a whole number ≥ 0 (got ${graceSeconds})`);
  return db.transaction(async (tx) => {
    const [directory] = await tx
      .select({ workspaceId: directoryConnections.workspaceId })
      .from(directoryConnections)
      .where(eq(directoryConnections.id, directoryId));
    if (!directory) throw new Error(`Directory ${directoryId} does not exist`);

    const { token, record } = await issueToken(tx, { directoryId, createdByUserId });
    const end = sql`now() + make_interval(secs => ${graceSeconds})`;
    const retired = await tx
      .update(directoryTokens)
      // least() ignores nulls, so an unrevoked token gets `end`.
      .set({ revokedAt: sql`least(${directoryTokens.revokedAt}, ${end})` })
      .where(
        and(
          eq(directoryTokens.directoryId, directoryId),
          ne(directoryTokens.id, record.id),
          or(isNull(directoryTokens.revokedAt), gt(directoryTokens.revokedAt, sql`now()`)),
          or(isNull(directoryTokens.expiresAt), gt(directoryTokens.expiresAt, sql`now()`)),
        ),
      )
      .returning({ id: directoryTokens.id, prefix: directoryTokens.prefix, revokedAt: directoryTokens.revokedAt });

    const old = retired.map((t) => `${t.prefix}…`).join(", ") || "no earlier token";
    await recordActivity(tx, {
      action: "token.rotated",
      workspaceId: directory.workspaceId,
      directoryId,
      actorUserId: createdByUserId,
      resourceType: "token",
      resourceId: record.id,
      summary: `Rotated token: ${record.prefix}… replaces ${old}${retired.length === 0 ? "" : graceSeconds === 0 ? ", revoked now" : `, valid for ${describeSeconds(graceSeconds)} more`}`,
      changes: { prefix: record.prefix, graceSeconds, retired: retired.map((t) => ({ prefix: t.prefix, revokedAt: t.revokedAt?.toISOString() })) },
    });
    return {
      token,
      record,
      retired: retired.flatMap(({ id, prefix, revokedAt }) => (revokedAt ? [{ id, prefix, revokedAt }] : [])),
    };
  });
}

function describeSeconds(seconds: number): string {
  if (seconds % 86400 === 0) return seconds === 86400 ? "1 day" : `${seconds / 86400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? "1 hour" : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? "1 minute" : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
