import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, directoryTokens } from "@/db/schema";

const lastWritten = new Map<string, { at: number; status: number }>();
const interval = 5_000;

/**
 * Records the last request seen from the IdP (shown by Test Connection) and the token's last use.
 * Written at most every few seconds per directory and instance, so busy directories do not fight
 * over one row; a change of status is always written.
 */
export async function noteDirectoryRequest(db: Db, directoryId: string, tokenId: string | undefined, userAgent: string | null, status: number) {
  const previous = lastWritten.get(directoryId);
  const now = Date.now();
  if (previous && now - previous.at < interval && previous.status === status) return;
  lastWritten.set(directoryId, { at: now, status });
  const at = new Date(now);
  await db
    .update(directoryConnections)
    .set({ lastRequestAt: at, lastRequestUserAgent: userAgent, lastRequestStatus: status })
    .where(eq(directoryConnections.id, directoryId));
  if (tokenId) await db.update(directoryTokens).set({ lastUsedAt: at }).where(eq(directoryTokens.id, tokenId));
}
