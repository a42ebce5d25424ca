import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { directoryConnections, syncRuns, type DirectoryConnection, type SyncCounts, type SyncRun } from "@/db/schema";

export type SyncDirectory = Pick<DirectoryConnection, "id" | "workspaceId" | "name" | "state" | "retentionDays">;

/** A run locked for the rest of the caller's transaction, with its directory. */
export type SyncRunContext = { run: SyncRun; directory: SyncDirectory };

/** What one step of a run did; it is added to the run in that step's transaction. */
export type SyncProgress = { counts?: Partial<SyncCounts>; processed?: number; lastMemberId?: string };

export const zeroCounts: SyncCounts = { checked: 0, changed: 0, suspended: 0, purged: 0, errors: 0 };

/**
 * Locks the run's row for the rest of the transaction, so the steps of a run take turns however
 * many workers hold a job for it: each step reads the run's progress after the previous step
 * committed. The directory row is held in key-share mode: its state cannot change (a disable
 * waits) until the step commits, while SCIM requests still record their last use on it.
 */
export async function lockSyncRun(tx: Db, runId: string): Promise<SyncRunContext> {
  const [run] = await tx.select().from(syncRuns).where(eq(syncRuns.id, runId)).for("update");
  if (!run) throw new Error(`Sync run ${runId} does not exist`);
  const [directory] = await tx
    .select({
      id: directoryConnections.id,
      workspaceId: directoryConnections.workspaceId,
      name: directoryConnections.name,
      state: directoryConnections.state,
      retentionDays: directoryConnections.retentionDays,
    })
    .from(directoryConnections)
    .where(eq(directoryConnections.id, run.directoryId))
    .for("key share");
  // A run is deleted with its directory, and its row is locked: the directory is there.
  return { run, directory: directory! };
}

/** Adds a step's progress to the run, in the step's transaction. */
export async function advanceSyncRun(tx: Db, run: SyncRun, { counts = {}, processed = 0, lastMemberId }: SyncProgress): Promise<SyncRun> {
  const total = addCounts(run.counts ?? zeroCounts, counts);
  const done = run.processed + processed;
  const [updated] = await tx
    .update(syncRuns)
    .set({
      counts: total,
      processed: done,
      // Members the directory gained during the run are checked too.
      total: Math.max(run.total ?? 0, done),
      lastMemberId: lastMemberId ?? run.lastMemberId,
    })
    .where(eq(syncRuns.id, run.id))
    .returning();
  return updated!;
}

export function addCounts(counts: SyncCounts, more: Partial<SyncCounts>): SyncCounts {
  return {
    checked: counts.checked + (more.checked ?? 0),
    changed: counts.changed + (more.changed ?? 0),
    suspended: counts.suspended + (more.suspended ?? 0),
    purged: counts.purged + (more.purged ?? 0),
    errors: counts.errors + (more.errors ?? 0),
  };
}
