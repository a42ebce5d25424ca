import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";

export type SetWelcomeEmailInput = { directoryId: string; workspaceId: string; enabled: boolean; actorUserId?: string };

/**
 * Turns the directory's "Welcome email" setting on or off (members it provisions from then on get
 * one) and records `directory.updated`. Setting the value it already has changes nothing.
 */
export async function setWelcomeEmail(db: Db, { directoryId, workspaceId, enabled, actorUserId }: SetWelcomeEmailInput): Promise<{ changed: boolean }> {
  return db.transaction(async (tx) => {
    const [directory] = await tx
      .select({ name: directoryConnections.name, welcomeEmail: directoryConnections.welcomeEmail })
      .from(directoryConnections)
      .where(and(eq(directoryConnections.id, directoryId), eq(directoryConnections.workspaceId, workspaceId)))
      .for("update");
    if (!directory) throw new Error(`Directory ${directoryId} does not exist in workspace ${workspaceId}`);
    if (directory.welcomeEmail === enabled) return { changed: false };

    await tx.update(directoryConnections).set({ welcomeEmail: enabled }).where(eq(directoryConnections.id, directoryId));
    await recordActivity(tx, {
      action: "directory.updated",
      workspaceId,
      directoryId,
      actorUserId,
      resourceType: "directory",
      resourceId: directoryId,
      summary: `Turned welcome emails ${enabled ? "on" : "off"} for "${directory.name}"`,
      changes: { welcomeEmail: { from: directory.welcomeEmail, to: enabled } },
    });
    return { changed: true };
  });
}
