import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activityEvents, directoryTokens } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createDirectory } from "./create-directory";
import { hashDirectoryToken } from "./directory-token";
import { rotateToken } from "./rotate-token";

const database = setUpTestDatabase();
let acme: SeededAcme;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

/** Whether the token would authenticate `secondsFromNow` seconds from now (the validity rule). */
async function validIn(db: Db, token: string, secondsFromNow = 0): Promise<boolean> {
  const at = sql`now() + make_interval(secs => ${secondsFromNow})`;
  const rows = await db
    .select({ id: directoryTokens.id })
    .from(directoryTokens)
    .where(
      and(
        eq(directoryTokens.hash, hashDirectoryToken(token)),
        or(isNull(directoryTokens.revokedAt), gt(directoryTokens.revokedAt, at)),
        or(isNull(directoryTokens.expiresAt), gt(directoryTokens.expiresAt, at)),
      ),
    );
  return rows.length === 1;
}

async function revokedAtOf(db: Db, token: string): Promise<Date | null> {
  const [row] = await db.select({ revokedAt: directoryTokens.revokedAt }).from(directoryTokens).where(eq(directoryTokens.hash, hashDirectoryToken(token)));
  if (!row) throw new Error("no such token");
  return row.revokedAt;
}

async function newDirectory(db: Db) {
  return createDirectory(db, { workspaceId: acme.workspaceId, idpType: "okta" });
}

describe("rotateToken", () => {
  it("keeps the old token valid for the grace period and no longer", async () => {
    const { db } = database();
    const { directory, token: old } = await newDirectory(db);
    const before = Date.now();

    const rotated = await rotateToken(db, { directoryId: directory.id, graceSeconds: 3600 });

    const revokedAt = await revokedAtOf(db, old);
    expect(revokedAt).not.toBeNull();
    expect(revokedAt!.getTime()).toBeGreaterThanOrEqual(before + 3600_000 - 5_000);
    expect(revokedAt!.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000 + 5_000);
    expect(rotated.retired).toEqual([{ id: expect.any(String), prefix: old.slice(0, 12), revokedAt }]);

    expect(await validIn(db, old)).toBe(true);
    expect(await validIn(db, old, 3500)).toBe(true);
    expect(await validIn(db, old, 3700)).toBe(false);
    expect(await validIn(db, rotated.token, 3700)).toBe(true);
    expect(rotated.record).toMatchObject({ directoryId: directory.id, prefix: rotated.token.slice(0, 12), revokedAt: null });
  });

  it("revokes the old token at once with a grace of 0", async () => {
    const { db } = database();
    const { directory, token: old } = await newDirectory(db);

    const rotated = await rotateToken(db, { directoryId: directory.id, graceSeconds: 0 });

    expect(await validIn(db, old)).toBe(false);
    expect(await validIn(db, rotated.token)).toBe(true);
  });

  it("never extends a token already in a grace period, but shortens it", async () => {
    const { db } = database();
    const { directory, token: first } = await newDirectory(db);
    const second = await rotateToken(db, { directoryId: directory.id, graceSeconds: 3600 });
    const firstEnd = await revokedAtOf(db, first);

    const third = await rotateToken(db, { directoryId: directory.id, graceSeconds: 86400 });

    expect(await revokedAtOf(db, first)).toEqual(firstEnd);
    expect((await revokedAtOf(db, second.token))!.getTime()).toBeGreaterThan(Date.now() + 86000_000);
    expect(third.retired.map((t) => t.prefix).sort()).toEqual([first.slice(0, 12), second.token.slice(0, 12)].sort());

    const fourth = await rotateToken(db, { directoryId: directory.id, graceSeconds: 0 });

    expect(await validIn(db, first)).toBe(false);
    expect(await validIn(db, second.token)).toBe(false);
    expect(await validIn(db, third.token)).toBe(false);
    expect(await validIn(db, fourth.token)).toBe(true);
  });

  it("leaves revoked and expired tokens and other directories' tokens alone", async () => {
    const { db } = database();
    const { directory, token: old } = await newDirectory(db);
    const other = await newDirectory(db);
    const past = new Date(Date.now() - 60_000);
    await db.update(directoryTokens).set({ expiresAt: past }).where(eq(directoryTokens.hash, hashDirectoryToken(old)));

    const rotated = await rotateToken(db, { directoryId: directory.id, graceSeconds: 0 });

    expect(rotated.retired).toEqual([]);
    expect(await revokedAtOf(db, old)).toBeNull();
    expect(await validIn(db, other.token)).toBe(true);
  });

  it("records token.created and token.rotated without the token", async () => {
    const { db } = database();
    const { directory, token: old } = await newDirectory(db);

    const rotated = await rotateToken(db, { directoryId: directory.id, graceSeconds: 3600, createdByUserId: acme.ownerUserId });

    const events = await db.select().from(activityEvents).where(eq(activityEvents.resourceId, rotated.record.id)).orderBy(activityEvents.id);
    expect(events.map((e) => e.action)).toEqual(["token.created", "token.rotated"]);
    expect(events[1]).toMatchObject({ kind: "token", directoryId: directory.id, actorUserId: acme.ownerUserId });
    expect(events[1]?.summary).toContain(old.slice(0, 12));
    expect(events[1]?.summary).toContain("1 hour");
    expect(JSON.stringify(events)).not.toContain(rotated.token);
    expect(JSON.stringify(events)).not.toContain(old);
  });

  it("refuses an unknown directory or a negative grace", async () => {
    const { db } = database();
    const { directory } = await newDirectory(db);
    await expect(rotateToken(db, { directoryId: "00000000-0000-4000-8000-000000000000", graceSeconds: 0 })).rejects.toThrow(/does not exist/);
    await expect(rotateToken(db, { directoryId: directory.id, graceSeconds: -1 })).rejects.toThrow(/graceSeconds/);
  });
});
