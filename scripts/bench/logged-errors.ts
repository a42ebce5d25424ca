import { and, count, desc, eq, gt, gte, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activityEvents } from "@/db/schema";

/** The newest activity event id, to look only at what a phase logged. */
export async function lastActivityId(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(activityEvents.id) }).from(activityEvents);
  return row?.id ?? 0;
}

export type LoggedError = { status: number | null; error: string | null; count: number };

/** The server logs every failed SCIM request with its reason; autocannon only sees the status. */
export async function loggedErrors(db: Db, directoryId: string, afterId: number): Promise<LoggedError[]> {
  return db
    .select({ status: activityEvents.status, error: activityEvents.error, count: count() })
    .from(activityEvents)
    .where(and(eq(activityEvents.directoryId, directoryId), gt(activityEvents.id, afterId), gte(activityEvents.status, 400)))
    .groupBy(activityEvents.status, activityEvents.error)
    .orderBy(desc(count()))
    .limit(5);
}
