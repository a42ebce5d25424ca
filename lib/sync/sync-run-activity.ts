import type { Db } from "@/db/client";
import type { SyncCounts } from "@/db/schema";
import { recordActivity } from "@/lib/activity/record-activity";
import type { SyncRunContext } from "./sync-run-context";

type SyncEvent = {
  action: "sync.started" | "sync.resumed" | "sync.finished" | "sync.failed";
  summary: string;
  changes: Record<string, unknown>;
  error?: string;
};

/** Records an event of the run in the activity log, in the transaction of the step it is about. */
export async function recordSyncActivity(tx: Db, { run, directory }: SyncRunContext, { action, summary, changes, error }: SyncEvent): Promise<void> {
  await recordActivity(tx, {
    action,
    workspaceId: directory.workspaceId,
    directoryId: directory.id,
    // Who pressed "Sync now" started the run; the rest is the engine's doing.
    actorUserId: action === "sync.started" ? run.actorUserId : null,
    resourceType: "sync_run",
    resourceId: run.id,
    summary,
    changes: { trigger: run.trigger, ...changes },
    error,
  });
}

export function describeCounts({ checked, changed, suspended, purged, errors }: SyncCounts): string {
  return `${checked} checked, ${changed} changed, ${suspended} suspended, ${purged} purged, ${errors} ${errors === 1 ? "error" : "errors"}`;
}
