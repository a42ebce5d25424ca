import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import { isUuid } from "@/lib/scim/is-uuid";
import { syncIntervalLabel } from "./sync-intervals";
import { SyncRunError } from "./sync-run-error";


const shortest = 15;
const longest = 24 * 60;

export type SetSyncIntervalInput = { workspaceId: string; directoryId: string; minutes: number; actorUserId?: string };

/**
 * Sets how often the directory syncs on its own and records `directory.updated`. The next scheduled
 * run of an active directory is then one new interval from now.
 */
export async function setSyncInterval(
  db: Db,
  { workspaceId, directoryId, minutes, actorUserId }: SetSyncIntervalInput,
): Promise<{ changed: boolean; nextSyncAt: Date | null }> {
  if (!Number.isInteger(minutes) || minutes < shortest || minutes > longest) {
    throw new SyncRunError("Choose a sync interval between 15 minutes and 24 hours.");
  }
  return db.transaction(async (tx) => {
    const [directory] = isUuid(directoryId)
      ? await tx
          .select()
          .from(directoryConnections)
          .where(and(eq(directoryConnections.id, directoryId), eq(directoryConnections.workspaceId, workspaceId)))
          .for("no key update")
      : [];
    if (!directory) throw new SyncRunError("This directory does not exist in this workspace.");
    const active = directory.state === "active";
    if (directory.syncIntervalMinutes === minutes) return { changed: false, nextSyncAt: active ? directory.nextSyncAt : null };

    const [updated] = await tx
      .update(directoryConnections)
      .set({ syncIntervalMinutes: minutes, nextSyncAt: active ? sql`now() + make_interval(mins => ${minutes})` : null })
      .where(eq(directoryConnections.id, directoryId))
      .returning({ nextSyncAt: directoryConnections.nextSyncAt });
    await recordActivity(tx, {
      action: "directory.updated",
      workspaceId,
      directoryId,
      actorUserId,
      resourceType: "directory",
      resourceId: directoryId,
      summary: `Set "${directory.name}" to sync every ${syncIntervalLabel(minutes)}`,
      changes: { syncIntervalMinutes: { from: directory.syncIntervalMinutes, to: minutes } },
    });
    return { changed: true, nextSyncAt: updated!.nextSyncAt };
  });
}
