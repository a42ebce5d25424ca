import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, workspaces } from "@/db/schema";

export type SeatCheck = { used: number; limit: number; counterWas: number };

/**
 * Counts the workspace's active members and repairs `seats_used` if it drifted from that count.
 * The workspace row is locked first, so a change committing meanwhile (the seat trigger adds its
 * delta at commit, under that lock) lands after the repair, on top of the count.
 */
export async function recheckSeats(tx: Db, workspaceId: string): Promise<SeatCheck> {
  const [workspace] = await tx
    .select({ limit: workspaces.seatLimit, used: workspaces.seatsUsed })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("no key update");
  const [active] = await tx
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.status, "active")));
  const used = active?.n ?? 0;
  const counterWas = workspace?.used ?? 0;
  if (used !== counterWas) await tx.update(workspaces).set({ seatsUsed: used }).where(eq(workspaces.id, workspaceId));
  return { used, limit: workspace?.limit ?? 0, counterWas };
}
