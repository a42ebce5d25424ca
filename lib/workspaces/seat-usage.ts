import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, workspaces } from "@/db/schema";

export type SeatUsage = { used: number; limit: number };

/** Active members take a seat; suspended ones do not. */
export async function seatUsage(db: Db, workspaceId: string): Promise<SeatUsage> {
  const [row] = await db
    .select({ limit: workspaces.seatLimit, used: count(members.id) })
    .from(workspaces)
    .leftJoin(members, and(eq(members.workspaceId, workspaces.id), eq(members.status, "active")))
    .where(eq(workspaces.id, workspaceId))
    .groupBy(workspaces.id);
  return row ?? { used: 0, limit: 0 };
}
