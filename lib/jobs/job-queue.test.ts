import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "@/db/rows";
import { setUpTestDatabase } from "@/test/database";
import { createJobQueue, jobQueue, registerJob, sendJob, startJobQueue, stopJobQueue } from "./job-queue";

const database = setUpTestDatabase();
const started: PgBoss[] = [];

afterAll(async () => {
  await stopJobQueue();
  await Promise.all(started.map((boss) => boss.stop({ graceful: false })));
});

const rollback = new Error("roll back");

describe("the job queue", () => {
  it("starts several instances at once on a database without the pgboss schema, and they share jobs without running one twice", async () => {
    const bosses = [createJobQueue(database()), createJobQueue(database()), createJobQueue(database())];
    started.push(...bosses);
    await Promise.all(bosses.map((boss) => boss.start()));

    const runs: Array<{ instance: number; n: number }> = [];
    await Promise.all(
      bosses.map((boss, instance) =>
        registerJob(boss, {
          queue: "test-count",
          pollingIntervalSeconds: 0.5,
          work: async (data) => {
            runs.push({ instance, n: (data as { n: number }).n });
          },
        }),
      ),
    );
    await bosses[0]!.insert(Array.from({ length: 12 }, (_, n) => ({ name: "test-count", data: { n } })));

    await vi.waitFor(() => expect(runs).toHaveLength(12), { timeout: 20_000, interval: 100 });
    expect(new Set(runs.map((r) => r.n)).size).toBe(12);
    const [version] = await queryRows<{ version: number }>(database().db, sql`select version from pgboss.version`);
    expect(version?.version).toBeGreaterThan(0);
  });

  it("sends a job in the caller's transaction: it exists only if that commits", async () => {
    const boss = await startJobQueue(database());
    expect(jobQueue()).toBe(boss);
    await boss.createQueue("test-transactional", { name: "test-transactional" });

    await expect(
      database().db.transaction(async (tx) => {
        expect(await sendJob(tx, "test-transactional", { value: "rolled back" })).toEqual(expect.any(String));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const id = await database().db.transaction((tx) => sendJob(tx, "test-transactional", { value: "committed", nested: { ok: true } }));

    const jobs = await boss.fetch<{ value: string }>("test-transactional", { batchSize: 10 });
    expect(jobs.map((job) => ({ id: job.id, data: job.data }))).toEqual([{ id, data: { value: "committed", nested: { ok: true } } }]);
  });

  it("drops a duplicate of a queued job with the same singletonKey on a queue of policy short", async () => {
    const boss = await startJobQueue(database());
    await boss.createQueue("test-short", { name: "test-short", policy: "short" });
    const first = await database().db.transaction((tx) => sendJob(tx, "test-short", { n: 1 }, { singletonKey: "mail-1" }));
    const second = await database().db.transaction((tx) => sendJob(tx, "test-short", { n: 2 }, { singletonKey: "mail-1" }));

    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
  });

  it("sends nothing when this process runs no job queue", async () => {
    await stopJobQueue();
    expect(jobQueue()).toBeUndefined();
    expect(await database().db.transaction((tx) => sendJob(tx, "test-transactional", { value: "nowhere" }))).toBeNull();
  });
});
