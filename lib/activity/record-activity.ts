import type { Db } from "@/db/client";
import { activityEvents, type ActivityKind, type NewActivityEvent } from "@/db/schema";
import { activityActions, type ActivityAction } from "./actions";

export type ActivityInput = Omit<NewActivityEvent, "id" | "kind" | "action" | "createdAt"> & {
  action: ActivityAction;
  /** Defaults to the action's own kind; SCIM requests are always filed as `scim_request`. */
  kind?: ActivityKind;
};

/** Appends one event to the activity log; pass the transaction of the change it records. */
export async function recordActivity(db: Db, { kind, ...event }: ActivityInput): Promise<void> {
  await db.insert(activityEvents).values({ ...event, kind: kind ?? activityActions[event.action] });
}
