import { and, eq, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { directoryConnections } from "@/db/schema";
import { failLockedSyncRun } from "./end-sync-run";
import { lockSyncRun } from "./sync-run-context";
import { hasLiveJob, sendSyncRunJobs } from "./sync-run-jobs";

export type SyncScheduleTick = {
  /** Scheduled runs queued: one per active directory whose next sync was due and had no run going. */
  scheduled: number;
  /** Jobs sent for queued runs that had none (asked for in a process that runs no job queue). */
  resent: number;
  /** Running runs failed because no job is left to go on with them: pg-boss gave up retrying. */
  abandoned: number;
};

/**
 * One interval from the start of this minute: the tick runs once a minute, a few seconds into it,
 * so a directory's runs stay a whole number of minutes apart.
 */
const nextSyncFromNow = sql`date_trunc('minute', now()) + make_interval(mins => ${directoryConnections.syncIntervalMinutes})`;

/**
 * What pg-boss runs every minute, on one instance (running it on several at once is harmless):
 * keeps each directory's next sync time (set when it becomes active, cleared when it stops),
 * queues a scheduled run for every active directory whose next sync is due, and looks after runs
 * left without a job.
 */
export async function tickSyncSchedule(db: Db, boss: PgBoss): Promise<SyncScheduleTick> {
  await db
    .update(directoryConnections)
    .set({ nextSyncAt: nextSyncFromNow })
    .where(and(eq(directoryConnections.state, "active"), isNull(directoryConnections.nextSyncAt)));
  await db
    .update(directoryConnections)
    .set({ nextSyncAt: null })
    .where(and(ne(directoryConnections.state, "active"), isNotNull(directoryConnections.nextSyncAt)));

  const scheduled = await db.transaction(async (tx) => {
    // The conditional UPDATE claims each due directory once, however many ticks run at once (a
    // second one waits for the row, then finds it no longer due); a directory with a run queued
    // or running gets no second one (the unique index), and waits for its next interval.
    const runs = await queryRows<{ id: string }>(
      tx,
      sql`with due as (
            update directory_connections set next_sync_at = ${nextSyncFromNow}
             where state = 'active' and next_sync_at <= now()
            returning id
          )
          insert into sync_runs (directory_id, trigger)
          select id, 'scheduled' from due
          on conflict do nothing
          returning id`,
    );
    await sendSyncRunJobs(boss, runs.map((run) => run.id), tx);
    return runs.length;
  });

  const orphans = await queryRows<{ id: string; status: "queued" | "running" }>(
    db,
    sql`select r.id, r.status from sync_runs r where r.status in ('queued', 'running') and not ${hasLiveJob(sql`r.id`)}`,
  );
  const queued = orphans.filter((run) => run.status === "queued").map((run) => run.id);
  await sendSyncRunJobs(boss, queued);
  let abandoned = 0;
  for (const run of orphans.filter((orphan) => orphan.status === "running")) {
    if (await failAbandonedSyncRun(db, run.id)) abandoned += 1;
  }
  return { scheduled, resent: queued.length, abandoned };
}

/**
 * A running run always has a job queued or active (a worker hands it to a new job before its own
 * completes). Without one, pg-boss ran out of retries: the processes running it kept dying.
 */
async function failAbandonedSyncRun(db: Db, runId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const context = await lockSyncRun(tx, runId);
    if (context.run.status !== "running") return false;
    const [live] = await queryRows<{ live: boolean }>(tx, sql`select ${hasLiveJob(sql`${runId}::uuid`)} as live`);
    if (live?.live) return false;
    await failLockedSyncRun(tx, context, "The sync stopped: the process running it stopped each time before it finished. Run it again.");
    return true;
  });
}
