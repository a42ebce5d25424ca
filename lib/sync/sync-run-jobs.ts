import { sql, type SQL } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { drizzleExecutor } from "@/lib/jobs/drizzle-executor";
import { syncRunQueue, type SyncRunJob } from "./sync-queues";

/**
 * The condition that the run `runId` (an SQL uuid) has a job queued, waiting for a retry, or
 * active, in pg-boss's job table (its default schema, which lib/jobs/job-queue.ts keeps).
 */
export const hasLiveJob = (runId: SQL) =>
  sql`exists (select 1 from pgboss.job j where j.name = ${syncRunQueue} and j.singleton_key = ${runId}::text and j.state < 'completed')`;

/**
 * Sends a job for each run, in `tx` if given. A run's jobs are unique while queued (singletonKey,
 * policy `short`), so a run never waits with two.
 */
export async function sendSyncRunJobs(boss: PgBoss, runIds: string[], tx?: Db): Promise<void> {
  if (runIds.length === 0) return;
  const jobs = runIds.map((runId) => ({ name: syncRunQueue, data: { runId } satisfies SyncRunJob, singletonKey: runId }));
  await boss.insert(jobs, tx ? { db: drizzleExecutor(tx) } : {});
}
