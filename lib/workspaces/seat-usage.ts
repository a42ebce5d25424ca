import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workspaces } from "@/db/schema";

export type SeatUsage = { used: number; limit: number };

/** Active members take a seat; suspended ones do not (counted by a trigger, see migration 0002). */
export async function seatUsage(db: Db, workspaceId: string): Promise<SeatUsage> {
  const [row] = await db
    .select({ limit: workspaces.seatLimit, used: workspaces.seatsUsed })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row ?? { used: 0, limit: 0 };
}
