import type { Db } from "@/db/client";
import type { ActivityKind, NewActivityEvent } from "@/db/schema";
import { activityActions, type ActivityAction } from "./actions";
import { insertActivityEvents } from "./insert-activity-events";

export type ActivityInput = Omit<NewActivityEvent, "id" | "kind" | "action" | "createdAt"> & {
  action: ActivityAction;
  /** Defaults to the action's own kind; SCIM requests are always filed as `scim_request`. */
  kind?: ActivityKind;
};

/** Appends one event to the activity log; pass the transaction of the change it records. */
export async function recordActivity(db: Db, { kind, ...event }: ActivityInput): Promise<void> {
  await insertActivityEvents(db, [{ ...event, kind: kind ?? activityActions[event.action] }]);
}
