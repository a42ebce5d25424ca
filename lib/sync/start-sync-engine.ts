import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { registerJob } from "@/lib/jobs/job-queue";
import { runSyncRun } from "./run-sync-run";
import { tickSyncSchedule } from "./schedule-sync-runs";
import { syncRunJob, syncRunQueue, syncScheduleQueue } from "./sync-queues";
import { sendSyncRunJobs } from "./sync-run-jobs";

export type SyncEngineOptions = {
  /** How long an idle worker waits before looking for a run's job again (pg-boss default: 2 s). */
  pollingIntervalSeconds?: number;
  /** Members per transaction (see runSyncRun). */
  batchSize?: number;
  /**
   * How long a run's job may stay active. A job works on its run for half of it, then hands the
   * run on to a new job; so a job still active after it has lost its process, and pg-boss's
   * maintenance gives it to another worker, which resumes the run from its last committed step.
   */
  expireInSeconds?: number;
};

const defaultExpireInSeconds = 120;
/** pg-boss retries a job whose process died this many times; then the scheduler fails its run. */
const retryLimit = 3;

/**
 * Starts this instance's sync workers: the run worker (each run's job goes to one instance) and
 * the scheduler, which pg-boss's cron runs once a minute across all instances.
 */
export async function startSyncEngine(
  boss: PgBoss,
  db: Db,
  { pollingIntervalSeconds, batchSize, expireInSeconds = defaultExpireInSeconds }: SyncEngineOptions = {},
): Promise<void> {
  await registerJob(boss, {
    queue: syncRunQueue,
    options: { policy: "short", retryLimit, expireInSeconds },
    pollingIntervalSeconds,
    work: async (data, { retryCount }) => {
      const { runId } = syncRunJob.parse(data);
      const run = await runSyncRun(db, runId, { batchSize, deadline: Date.now() + (expireInSeconds * 1000) / 2, retried: retryCount > 0 });
      // Sent before this job completes: the run always has a job that is queued or active.
      if (run.status === "running") await sendSyncRunJobs(boss, [runId]);
    },
  });
  await registerJob(boss, {
    queue: syncScheduleQueue,
    options: { policy: "short", retryLimit: 0 },
    cron: "* * * * *",
    // A job a minute: no need to look for one as often as for runs.
    pollingIntervalSeconds: pollingIntervalSeconds ?? 15,
    work: async () => {
      await tickSyncSchedule(db, boss);
    },
  });
}
