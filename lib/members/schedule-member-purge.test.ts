import { eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { members } from "@/db/schema";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { setUpTestDatabase } from "@/test/database";
import { freshScimDirectory } from "@/test/scim";
import { purgeMembersQueue, scheduleMemberPurge } from "./schedule-member-purge";

const database = setUpTestDatabase();
let boss: PgBoss;

beforeAll(async () => {
  boss = await startJobQueue(database());
  await scheduleMemberPurge(boss, database().db, { pollingIntervalSeconds: 0.5 });
});
afterAll(() => stopJobQueue());

describe("scheduleMemberPurge", () => {
  it("runs every hour, and its job purges a member whose retention window ended but not one still inside it", async () => {
    const db = database().db;
    expect((await boss.getSchedules()).filter((s) => s.name === purgeMembersQueue).map((s) => s.cron)).toEqual(["7 * * * *"]);

    const { client } = await freshScimDirectory(db, "okta");
    const ids: string[] = [];
    for (const name of ["gone", "kept"]) {
      const created = await client.post("/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: `${name}@acme.test` });
      ids.push(String(created.body.id));
      expect((await client.delete(`/Users/${created.body.id}`)).status).toBe(204);
    }
    await db.update(members).set({ purgeAfter: sql`now() - interval '1 minute'` }).where(eq(members.id, ids[0]!));

    await boss.send(purgeMembersQueue, {});
    await vi.waitFor(async () => expect((await db.select({ id: members.id }).from(members).where(eq(members.id, ids[0]!))).length).toBe(0), {
      timeout: 60_000,
      interval: 250,
    });
    expect(await db.select({ id: members.id }).from(members).where(eq(members.id, ids[1]!))).toHaveLength(1);
  }, 90_000);
});
