import type { Db } from "@/db/client";
import type { NewActivityEvent } from "@/db/schema";
import { logger } from "@/lib/log";
import { activityActions } from "./actions";
import { insertActivityEvents } from "./insert-activity-events";
import type { ActivityInput } from "./record-activity";

const flushAfterMs = 200;
const flushAtCount = 500;

type Buffer = { events: NewActivityEvent[]; timer?: ReturnType<typeof setTimeout>; flushing: Promise<void> };
const buffers = new Map<Db, Buffer>();

/**
 * Queues an event that records no change (a SCIM read) and writes queued events in one multi-row
 * insert every 200 ms, so a busy IdP's lookups do not each pay for a write. Changes are never
 * queued: they are recorded with `recordActivity` in their own transaction.
 */
export function recordActivityLater(db: Db, { kind, ...event }: ActivityInput): void {
  let buffer = buffers.get(db);
  if (!buffer) {
    buffer = { events: [], flushing: Promise.resolve() };
    buffers.set(db, buffer);
  }
  buffer.events.push({ ...event, kind: kind ?? activityActions[event.action], createdAt: new Date() });
  if (buffer.events.length >= flushAtCount) void flushActivity(db);
  else if (!buffer.timer) {
    buffer.timer = setTimeout(() => void flushActivity(db), flushAfterMs);
    buffer.timer.unref();
  }
}

/** Writes every queued event of `db` now. */
export async function flushActivity(db: Db): Promise<void> {
  const buffer = buffers.get(db);
  if (!buffer) return;
  clearTimeout(buffer.timer);
  buffer.timer = undefined;
  const events = buffer.events.splice(0);
  buffer.flushing = buffer.flushing.then(async () => {
    try {
      await insertActivityEvents(db, events);
    } catch (error) {
      logger().error({ err: error, events: events.length }, "Could not write queued activity events");
    }
  });
  await buffer.flushing;
}
