import PgBoss from "pg-boss";
import type { Database, Db } from "@/db/client";
import { retryTransientConflicts } from "@/db/pg-error";
import { logger } from "@/lib/log";
import { drizzleExecutor } from "./drizzle-executor";
import { pgliteExecutor } from "./pglite-executor";

/** A queue and its worker, and optionally the cron on which pg-boss sends it a job. */
export type JobDefinition = {
  queue: string;
  /** Queue settings: policy, retries, expiry (pg-boss `createQueue`). */
  options?: Omit<PgBoss.Queue, "name">;
  /** A UTC cron expression: pg-boss sends one job per matching minute, across all instances. */
  cron?: string;
  /** How long an idle worker waits before looking for a job again (pg-boss default: 2 s). */
  pollingIntervalSeconds?: number;
  /** Gets the job's data as stored (JSON): parse it. */
  work: (data: unknown, job: JobAttempt) => Promise<void>;
};

/** Which try of its job a worker runs: more than 0 after a failure, or after its worker died and the job expired. */
export type JobAttempt = { retryCount: number };

/**
 * `maintenanceIntervalSeconds`: how often pg-boss's maintenance runs (default 120 s, once across
 * instances). It is what retries an active job whose time ran out, as when its process died.
 */
export type JobQueueOptions = Pick<PgBoss.ConstructorOptions, "maintenanceIntervalSeconds">;

type Running = { database: Database; boss: PgBoss; started: Promise<PgBoss>; ready: boolean };

const globalForJobs = globalThis as unknown as { rollcallJobQueue?: Running };

/**
 * A pg-boss on the database, not started. On PostgreSQL it has a small pool of its own; on
 * embedded PGlite it shares the process's client. Either way it keeps its tables in the `pgboss`
 * schema, which `start()` creates or migrates under an advisory lock, so instances may start at once.
 */
export function createJobQueue(database: Database, options: JobQueueOptions = {}): PgBoss {
  const boss =
    database.kind === "postgres"
      ? new PgBoss({ connectionString: database.url, max: 3, application_name: "rollcall-jobs", ...options })
      : new PgBoss({ db: pgliteExecutor(database.client), ...options });
  // Without a listener an "error" event would crash the process; pg-boss logs nothing itself.
  boss.on("error", (error) => logger().error({ err: error }, "job queue error"));
  return boss;
}

/** Starts this process's job queue on `database` (once: later calls get the same queue). */
export function startJobQueue(database: Database): Promise<PgBoss> {
  const current = globalForJobs.rollcallJobQueue;
  if (current) {
    if (current.database !== database) throw new Error("The job queue is already running on another database");
    return current.started;
  }
  const boss = createJobQueue(database);
  const running: Running = { database, boss, started: boss.start(), ready: false };
  globalForJobs.rollcallJobQueue = running;
  running.started.then(
    () => {
      running.ready = true;
    },
    () => {
      if (globalForJobs.rollcallJobQueue === running) globalForJobs.rollcallJobQueue = undefined;
    },
  );
  return running.started;
}

/** This process's job queue once it has started, else undefined. */
export function jobQueue(): PgBoss | undefined {
  const current = globalForJobs.rollcallJobQueue;
  return current?.ready ? current.boss : undefined;
}

/** Stops this process's job queue, letting running jobs finish for up to `timeoutMs`. */
export async function stopJobQueue(timeoutMs = 10_000): Promise<void> {
  const current = globalForJobs.rollcallJobQueue;
  if (!current) return;
  globalForJobs.rollcallJobQueue = undefined;
  await current.started.catch(() => undefined);
  await current.boss.stop({ graceful: true, timeout: timeoutMs });
}

/** Creates (or updates) the job's queue, schedules its cron if any, and starts its worker. */
export async function registerJob(boss: PgBoss, job: JobDefinition): Promise<void> {
  const queue: PgBoss.Queue = { name: job.queue, ...job.options };
  await createQueue(boss, queue);
  await boss.updateQueue(job.queue, queue);
  if (job.cron) await boss.schedule(job.queue, job.cron);
  const polling = job.pollingIntervalSeconds === undefined ? {} : { pollingIntervalSeconds: job.pollingIntervalSeconds };
  await boss.work<unknown>(job.queue, { batchSize: 1, includeMetadata: true, ...polling }, async ([received]) => {
    if (!received) return;
    try {
      await job.work(received.data, { retryCount: received.retryCount });
    } catch (error) {
      logger().error({ err: error, queue: job.queue, jobId: received.id }, "job failed");
      throw error;
    }
  });
}

/**
 * Instances starting at once on PostgreSQL create the same queue at once, and pg-boss's
 * create_queue() (a row, then a partition with a foreign key to that row's table) can deadlock
 * with itself. PostgreSQL then undoes one of them, and trying again finds the queue made.
 */
function createQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  return retryTransientConflicts(() => boss.createQueue(queue.name, queue));
}

/**
 * Sends a job in the caller's transaction, so it exists exactly when what it is about commits.
 * Returns its id; null when the queue refused a duplicate (`singletonKey`), or when this process
 * runs no job queue: then nothing is sent, and the work waits for a sweep.
 */
export async function sendJob(tx: Db, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = jobQueue();
  if (!boss) return null;
  return boss.send(queue, data, { ...options, db: drizzleExecutor(tx) });
}
