import type { Db } from "@/db/client";
import { insertFromJson } from "@/db/insert-from-json";
import { activityEvents, type NewActivityEvent } from "@/db/schema";

const insertEvents = insertFromJson(activityEvents, [
  "workspaceId", "directoryId", "kind", "action", "actorUserId", "memberId", "method", "path", "status",
  "latencyMs", "userAgent", "resourceType", "resourceId", "summary", "changes", "error", "createdAt",
]);

/** Appends events in one statement, with the time each was recorded. */
export async function insertActivityEvents(db: Db, events: NewActivityEvent[]): Promise<void> {
  if (events.length > 0) await db.execute(insertEvents(events.map((event) => ({ ...event, createdAt: event.createdAt ?? new Date() }))));
}
