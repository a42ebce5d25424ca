import type { Db } from "@/db/client";
import { retryTransientConflicts } from "@/db/pg-error";
import type { SyncRun } from "@/db/schema";
import { logger } from "@/lib/log";
import { failLockedSyncRun, failSyncRun, finishSyncRun } from "./end-sync-run";
import { startSyncRun } from "./start-sync-run";
import { lockSyncRun, type SyncRunContext } from "./sync-run-context";
import { purgeMemberBatch, recomputeMemberBatch, suspendRemovedMembers, type SyncStep } from "./sync-run-steps";

export type RunSyncRunOptions = {
  /** Members per transaction: each batch's changes and the run's progress commit together. */
  batchSize?: number;
  /** Once this instant (ms since the epoch) has passed, stop before the next step, leaving the run running. */
  deadline?: number;
  /** This is a retry of the run's job: the attempt before stopped part-way, and the run resumes (which is recorded). */
  retried?: boolean;
};

/** Measured on PostgreSQL over 100,000 members: 1,000 and 2,000 take the same time, 5,000 longer. */
const defaultSyncBatchSize = 2_000;

const finish: SyncStep = async (tx, context) => ({ run: await finishSyncRun(tx, context), more: false });

const steps: SyncStep[] = [recomputeMemberBatch, suspendRemovedMembers, purgeMemberBatch, finish];

/** A deadlock or serialization failure undoes one step's transaction; it is tried again this many times. */
const conflictRetries = 3;

/**
 * Runs (or goes on with) one sync run, to its end or to the deadline: recompute every member's
 * teams and role in batches by member id, suspend members the directory removed who are still
 * active, purge those whose retention window ended, then re-check seats. Every step is a
 * transaction that locks the run and writes its progress with its changes, so however the
 * process running it stops, the run goes on from its last committed step (in this or another
 * process) and nothing is applied or counted twice; and two workers holding a job for the same
 * run take turns instead of racing. A run the engine cannot go on with is failed with the reason;
 * only when even that cannot be written (the database is gone) does this throw.
 *
 * Workers call it from the run's job. Called directly (tests, scripts) on a database where a sync
 * engine runs, mind that its scheduler takes a running run without a job for abandoned, and fails it.
 */
export async function runSyncRun(
  db: Db,
  runId: string,
  { batchSize = defaultSyncBatchSize, deadline = Number.POSITIVE_INFINITY, retried = false }: RunSyncRunOptions = {},
): Promise<SyncRun> {
  try {
    let run = await inRunTransaction(db, runId, (tx, context) => startSyncRun(tx, context, { retried }));
    for (const step of steps) {
      for (let more = true; more && run.status === "running"; ) {
        if (Date.now() >= deadline) return run;
        ({ run, more } = await inRunTransaction(db, runId, (tx, context) => runningStep(tx, context, step, batchSize)));
      }
    }
    return run;
  } catch (error) {
    logger().error({ err: error, runId }, "sync run failed");
    return failSyncRun(db, runId, `The sync stopped on an unexpected error: ${rootMessage(error)}`);
  }
}

/** A step of a run still running in an active directory; otherwise the step does nothing, or fails the run. */
async function runningStep(tx: Db, context: SyncRunContext, step: SyncStep, batchSize: number): Promise<{ run: SyncRun; more: boolean }> {
  // Another worker holding a job for this run finished it meanwhile.
  if (context.run.status !== "running") return { run: context.run, more: false };
  if (context.directory.state !== "active") {
    return { run: await failLockedSyncRun(tx, context, "Directory sync was turned off during this sync, so it stopped."), more: false };
  }
  return step(tx, context, batchSize);
}

function inRunTransaction<T>(db: Db, runId: string, work: (tx: Db, context: SyncRunContext) => Promise<T>): Promise<T> {
  return retryTransientConflicts(() => db.transaction(async (tx) => work(tx, await lockSyncRun(tx, runId))), conflictRetries + 1);
}

/** drizzle wraps driver errors ("Failed query: …"): the admin reads the database's own words. */
function rootMessage(error: unknown): string {
  let root = error;
  while (root instanceof Error && root.cause instanceof Error) root = root.cause;
  return (root instanceof Error ? root.message : String(root)).slice(0, 500);
}
