import { and, asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { activityEvents, directoryConnections } from "@/db/schema";
import type { SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { acmeAndGlobexDirectories } from "@/test/scim";
import { setWelcomeEmailAction } from "./actions";

const session = vi.hoisted(() => ({ userId: undefined as string | undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const refresh = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ refresh }));

const database = setUpTestDatabase();
let acme: SeededAcme;
let directoryId: string;
let globexDirectoryId: string;

beforeAll(async () => {
  ({ acme, directoryId, globexDirectoryId } = await acmeAndGlobexDirectories(database().db));
});

beforeEach(() => {
  session.userId = acme.ownerUserId;
  refresh.mockClear();
});

const welcomeEmailOf = async (id: string) =>
  (await database().db.select({ on: directoryConnections.welcomeEmail }).from(directoryConnections).where(eq(directoryConnections.id, id)))[0]?.on;
const updates = () => database().db.select().from(activityEvents).where(and(eq(activityEvents.directoryId, directoryId), eq(activityEvents.action, "directory.updated"))).orderBy(asc(activityEvents.id));

describe("setWelcomeEmailAction", () => {
  it("turns the setting on and off, recording directory.updated with the admin as actor; setting the same value again changes nothing", async () => {
    expect(await setWelcomeEmailAction({ directoryId, enabled: true })).toEqual({ ok: true, data: { changed: true } });
    expect(await welcomeEmailOf(directoryId)).toBe(true);
    expect(await setWelcomeEmailAction({ directoryId, enabled: true })).toEqual({ ok: true, data: { changed: false } });
    expect(await setWelcomeEmailAction({ directoryId, enabled: false })).toEqual({ ok: true, data: { changed: true } });

    expect(await welcomeEmailOf(directoryId)).toBe(false);
    expect((await updates()).map((e) => ({ actor: e.actorUserId, kind: e.kind, changes: e.changes }))).toEqual([
      { actor: acme.ownerUserId, kind: "admin", changes: { welcomeEmail: { from: false, to: true } } },
      { actor: acme.ownerUserId, kind: "admin", changes: { welcomeEmail: { from: true, to: false } } },
    ]);
    expect(refresh).toHaveBeenCalled();
  });

  it("refuses another workspace's directory, and a signed-out caller", async () => {
    expect(await setWelcomeEmailAction({ directoryId: globexDirectoryId, enabled: true })).toEqual({ ok: false, error: "This directory does not exist in your workspace." });
    expect(await welcomeEmailOf(globexDirectoryId)).toBe(false);

    session.userId = undefined;
    expect(await setWelcomeEmailAction({ directoryId, enabled: true })).toEqual({ ok: false, error: expect.stringContaining("Sign in again") });
    expect(await welcomeEmailOf(directoryId)).toBe(false);
  });
});
