import type { ActivityListItem } from "@/lib/activity/list-activity";
import { cn } from "@/lib/cn";

/** The HTTP status, red when the event failed; "Error" for a failure without one (e.g. a sync run). */
export function EventStatus({ event }: { event: Pick<ActivityListItem, "status" | "error"> }) {
  const failed = (event.status !== null && event.status >= 400) || event.error !== null;
  if (event.status === null) return failed ? <span className="text-sm font-medium text-destructive">Error</span> : <span className="text-muted-foreground">—</span>;
  return <span className={cn("font-mono text-sm tabular-nums", failed ? "font-semibold text-destructive" : "text-success")}>{event.status}</span>;
}
