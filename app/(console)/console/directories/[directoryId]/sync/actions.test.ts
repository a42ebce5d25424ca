import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { directoryConnections, syncRuns } from "@/db/schema";
import type { SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { acmeAndGlobexDirectories } from "@/test/scim";
import { setSyncIntervalAction, syncNowAction } from "./actions";

const session = vi.hoisted(() => ({ userId: undefined as string | undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const database = setUpTestDatabase();
let acme: SeededAcme;
let directoryId: string;
let globexDirectoryId: string;

beforeAll(async () => {
  ({ acme, directoryId, globexDirectoryId } = await acmeAndGlobexDirectories(database().db));
});

beforeEach(() => {
  session.userId = acme.ownerUserId;
});

const runsOf = (id: string) => database().db.select().from(syncRuns).where(eq(syncRuns.directoryId, id));

describe("syncNowAction", () => {
  it("queues one manual run by the admin; pressing again while it is queued says why it cannot", async () => {
    const first = await syncNowAction({ directoryId });
    expect(first.ok).toBe(true);
    expect(await runsOf(directoryId)).toEqual([expect.objectContaining({ trigger: "manual", status: "queued", actorUserId: acme.ownerUserId })]);

    expect(await syncNowAction({ directoryId })).toEqual({ ok: false, error: "A sync is already running for this directory." });
    expect(await runsOf(directoryId)).toHaveLength(1);
  });

  it("queues nothing for another workspace's directory, or for a signed-out caller", async () => {
    expect(await syncNowAction({ directoryId: globexDirectoryId })).toEqual({ ok: false, error: "This directory does not exist in your workspace." });
    session.userId = undefined;
    expect(await syncNowAction({ directoryId: globexDirectoryId })).toEqual({ ok: false, error: expect.stringContaining("Sign in again") });
    expect(await runsOf(globexDirectoryId)).toEqual([]);
  });
});

describe("setSyncIntervalAction", () => {
  it("takes one of the listed intervals and moves the next run; refuses any other", async () => {
    const set = await setSyncIntervalAction({ directoryId, minutes: 120 });
    expect(set).toEqual({ ok: true, data: { nextSyncAt: expect.any(String) } });
    const minutesAhead = set.ok && set.data.nextSyncAt ? (new Date(set.data.nextSyncAt).getTime() - Date.now()) / 60_000 : 0;
    expect(minutesAhead).toBeGreaterThan(118);
    expect(minutesAhead).toBeLessThanOrEqual(120);

    expect(await setSyncIntervalAction({ directoryId, minutes: 7 })).toEqual({ ok: false, error: "Pick one of the listed intervals." });
    const [directory] = await database().db.select({ minutes: directoryConnections.syncIntervalMinutes }).from(directoryConnections).where(eq(directoryConnections.id, directoryId));
    expect(directory!.minutes).toBe(120);
  });
});
