import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { members, syncRuns, type SyncRun } from "@/db/schema";
import { failLockedSyncRun } from "./end-sync-run";
import { recordSyncActivity } from "./sync-run-activity";
import { zeroCounts, type SyncRunContext } from "./sync-run-context";

/**
 * A worker takes the run. A queued run starts (its total is the directory's members then); a
 * running run goes on from its last committed step, recorded as `sync.resumed` when the attempt
 * before stopped part-way (`retried`: its process died, or it failed); a finished run is left as
 * it is. A directory that is no longer active fails the run.
 */
export async function startSyncRun(tx: Db, context: SyncRunContext, { retried }: { retried: boolean }): Promise<SyncRun> {
  const { run, directory } = context;
  if (run.status === "succeeded" || run.status === "failed") return run;
  if (directory.state !== "active") return failLockedSyncRun(tx, context, "Directory sync is not enabled for this directory, so the sync did not run.");
  if (run.status === "running") {
    if (retried) {
      await recordSyncActivity(tx, context, {
        action: "sync.resumed",
        summary: `Resumed the sync of "${directory.name}" at ${run.processed} of ${run.total ?? 0} members: its previous attempt stopped part-way`,
        changes: { processed: run.processed, total: run.total },
      });
    }
    return run;
  }

  const [scope] = await tx
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.directoryId, directory.id), isNull(members.directoryRemovedAt)));
  const total = scope?.n ?? 0;
  const [started] = await tx
    .update(syncRuns)
    .set({ status: "running", startedAt: sql`now()`, total, processed: 0, counts: zeroCounts })
    .where(eq(syncRuns.id, run.id))
    .returning();
  await recordSyncActivity(tx, context, {
    action: "sync.started",
    summary: `Started ${run.trigger === "manual" ? "a sync (Sync now)" : "a scheduled sync"} of "${directory.name}" over ${total} ${total === 1 ? "member" : "members"}`,
    changes: { total },
  });
  return started!;
}
