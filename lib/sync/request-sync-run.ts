import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pgErrorFields } from "@/db/pg-error";
import { directoryConnections, syncRuns, type SyncRun } from "@/db/schema";
import { sendJob } from "@/lib/jobs/job-queue";
import { isUuid } from "@/lib/scim/is-uuid";
import { SyncRunError } from "./sync-run-error";
import { syncRunQueue, type SyncRunJob } from "./sync-queues";

export type RequestSyncRunInput = { workspaceId: string; directoryId: string; trigger: SyncRun["trigger"]; actorUserId?: string };

export const syncAlreadyRunning = "A sync is already running for this directory.";

/**
 * Queues a sync run of an active directory and sends its job, in one transaction: the job exists
 * exactly when the run does. A directory has at most one queued or running run, on every instance
 * at once: the database refuses a second (`sync_runs_one_current_idx`). When this process runs no
 * job queue, the run waits for the scheduler's next tick to send its job.
 */
export async function requestSyncRun(db: Db, { workspaceId, directoryId, trigger, actorUserId }: RequestSyncRunInput): Promise<SyncRun> {
  try {
    return await db.transaction(async (tx) => {
      const [directory] = isUuid(directoryId)
        ? await tx
            .select({ state: directoryConnections.state })
            .from(directoryConnections)
            .where(and(eq(directoryConnections.id, directoryId), eq(directoryConnections.workspaceId, workspaceId)))
            // Waits for an enable or disable in progress, and keeps the state until this commits.
            .for("key share")
        : [];
      if (!directory) throw new SyncRunError("This directory does not exist in this workspace.");
      if (directory.state !== "active") throw new SyncRunError("Enable directory sync to run a sync.");

      const [run] = await tx.insert(syncRuns).values({ directoryId, trigger, actorUserId }).returning();
      await sendJob(tx, syncRunQueue, { runId: run!.id } satisfies SyncRunJob, { singletonKey: run!.id });
      return run!;
    });
  } catch (error) {
    const fields = pgErrorFields(error);
    if (fields?.code === "23505" && (fields.constraint_name ?? fields.constraint) === "sync_runs_one_current_idx") {
      throw new SyncRunError(syncAlreadyRunning);
    }
    throw error;
  }
}
