import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { syncRuns, type SyncRun } from "@/db/schema";
import { recheckSeats } from "./recheck-seats";
import { describeCounts, recordSyncActivity } from "./sync-run-activity";
import { addCounts, lockSyncRun, zeroCounts, type SyncRunContext } from "./sync-run-context";

/**
 * The run's last step: re-checks the workspace's seats and marks the run succeeded. A workspace
 * over its seat limit is one error of the run (said in `error`); nobody is suspended for it.
 */
export async function finishSyncRun(tx: Db, context: SyncRunContext): Promise<SyncRun> {
  const { run, directory } = context;
  const seats = await recheckSeats(tx, directory.workspaceId);
  const overLimit = seats.used > seats.limit;
  const counts = addCounts(run.counts ?? zeroCounts, { errors: overLimit ? 1 : 0 });
  const error = overLimit ? `The workspace uses ${seats.used} seats, over its limit of ${seats.limit}: raise the limit or suspend members.` : null;
  const [finished] = await tx
    .update(syncRuns)
    .set({ status: "succeeded", finishedAt: sql`now()`, counts, error })
    .where(eq(syncRuns.id, run.id))
    .returning();
  await recordSyncActivity(tx, context, {
    action: "sync.finished",
    summary: `Synced "${directory.name}": ${describeCounts(counts)}` + (seats.counterWas === seats.used ? "" : `; seat count repaired from ${seats.counterWas} to ${seats.used}`),
    changes: { counts, seats },
    error: error ?? undefined,
  });
  return finished!;
}

/** Fails the run, locked in the caller's transaction, with a message for the admin. */
export async function failLockedSyncRun(tx: Db, context: SyncRunContext, message: string): Promise<SyncRun> {
  const { run, directory } = context;
  const counts = addCounts(run.counts ?? zeroCounts, { errors: 1 });
  const [failed] = await tx
    .update(syncRuns)
    .set({ status: "failed", finishedAt: sql`now()`, counts, error: message })
    .where(eq(syncRuns.id, run.id))
    .returning();
  await recordSyncActivity(tx, context, {
    action: "sync.failed",
    summary: `The sync of "${directory.name}" failed: ${message}`,
    changes: { counts, processed: run.processed, total: run.total },
    error: message,
  });
  return failed!;
}

/** Fails the run after an error it cannot go on from; a run already finished is left as it is. */
export async function failSyncRun(db: Db, runId: string, message: string): Promise<SyncRun> {
  return db.transaction(async (tx) => {
    const context = await lockSyncRun(tx, runId);
    const { status } = context.run;
    return status === "queued" || status === "running" ? failLockedSyncRun(tx, context, message) : context.run;
  });
}
