import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activityEvents, directoryTokens } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createDirectory } from "./create-directory";
import { hashDirectoryToken } from "./directory-token";
import { issueToken } from "./issue-token";
import { revokeToken } from "./revoke-token";
import { rotateToken } from "./rotate-token";

const database = setUpTestDatabase();
let acme: SeededAcme;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

async function isValid(db: Db, token: string): Promise<boolean> {
  const rows = await db
    .select({ id: directoryTokens.id })
    .from(directoryTokens)
    .where(
      and(
        eq(directoryTokens.hash, hashDirectoryToken(token)),
        or(isNull(directoryTokens.revokedAt), gt(directoryTokens.revokedAt, sql`now()`)),
        or(isNull(directoryTokens.expiresAt), gt(directoryTokens.expiresAt, sql`now()`)),
      ),
    );
  return rows.length === 1;
}

async function directoryWithTwoTokens(db: Db) {
  const { directory, token: first } = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "onelogin" });
  const second = await issueToken(db, { directoryId: directory.id });
  return { directory, first, second: second.token, secondId: second.record.id };
}

describe("revokeToken", () => {
  it("revokes one token by its prefix, now, and records token.revoked without the token", async () => {
    const { db } = database();
    const { directory, first, second } = await directoryWithTwoTokens(db);

    const revoked = await revokeToken(db, { directoryId: directory.id, prefix: first.slice(0, 12), revokedByUserId: acme.ownerUserId });

    expect(revoked).toEqual([{ id: expect.any(String), prefix: first.slice(0, 12), revokedAt: expect.any(Date) }]);
    expect(await isValid(db, first)).toBe(false);
    expect(await isValid(db, second)).toBe(true);
    const [event] = await db.select().from(activityEvents).where(and(eq(activityEvents.resourceId, revoked[0]!.id), eq(activityEvents.action, "token.revoked")));
    expect(event).toMatchObject({ kind: "token", directoryId: directory.id, actorUserId: acme.ownerUserId });
    expect(event?.summary).toContain(first.slice(0, 12));
    expect(JSON.stringify(event)).not.toContain(first);
  });

  it("revokes one token by its id", async () => {
    const { db } = database();
    const { directory, first, second, secondId } = await directoryWithTwoTokens(db);

    expect((await revokeToken(db, { directoryId: directory.id, tokenId: secondId })).map((t) => t.id)).toEqual([secondId]);
    expect(await isValid(db, first)).toBe(true);
    expect(await isValid(db, second)).toBe(false);
  });

  it("revokes every valid token, including one in a grace period, when none is named", async () => {
    const { db } = database();
    const { directory, token: old } = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "jumpcloud" });
    const rotated = await rotateToken(db, { directoryId: directory.id, graceSeconds: 86400 });
    expect(await isValid(db, old)).toBe(true);

    const revoked = await revokeToken(db, { directoryId: directory.id });

    expect(revoked.map((t) => t.prefix).sort()).toEqual([old.slice(0, 12), rotated.token.slice(0, 12)].sort());
    expect(await isValid(db, old)).toBe(false);
    expect(await isValid(db, rotated.token)).toBe(false);
    expect(await revokeToken(db, { directoryId: directory.id })).toEqual([]);
  });

  it("does not touch another directory's token with a matching prefix request, nor revoke twice", async () => {
    const { db } = database();
    const a = await directoryWithTwoTokens(db);
    const b = await directoryWithTwoTokens(db);

    expect(await revokeToken(db, { directoryId: b.directory.id, prefix: a.first.slice(0, 12) })).toEqual([]);
    expect(await isValid(db, a.first)).toBe(true);

    await revokeToken(db, { directoryId: a.directory.id, prefix: a.first.slice(0, 12) });
    const [before] = await db.select({ revokedAt: directoryTokens.revokedAt }).from(directoryTokens).where(eq(directoryTokens.hash, hashDirectoryToken(a.first)));
    expect(await revokeToken(db, { directoryId: a.directory.id, prefix: a.first.slice(0, 12) })).toEqual([]);
    const [after] = await db.select({ revokedAt: directoryTokens.revokedAt }).from(directoryTokens).where(eq(directoryTokens.hash, hashDirectoryToken(a.first)));
    expect(after).toEqual(before);
  });

  it("refuses an unknown directory", async () => {
    await expect(revokeToken(database().db, { directoryId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(/does not exist/);
  });
});
