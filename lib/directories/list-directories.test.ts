import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { directoryConnections, directoryTokens, workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createDirectory } from "./create-directory";
import { issueToken } from "./issue-token";
import { listDirectories } from "./list-directories";
import { revokeToken } from "./revoke-token";
import { rotateToken } from "./rotate-token";

const database = setUpTestDatabase();
let acme: SeededAcme;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

describe("listDirectories", () => {
  it("lists directories with workspace slug, IdP, state, last request and every token's status, never a token", async () => {
    const { db } = database();
    expect(await listDirectories(db)).toEqual([]);

    const okta = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "okta" });
    const rotated = await rotateToken(db, { directoryId: okta.directory.id, graceSeconds: 3600 });
    const expiring = await issueToken(db, { directoryId: okta.directory.id, expiresAt: new Date("2099-06-01T00:00:00Z") });
    const expired = await issueToken(db, { directoryId: okta.directory.id });
    await db.update(directoryTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(directoryTokens.id, expired.record.id));
    const revoked = await issueToken(db, { directoryId: okta.directory.id });
    await revokeToken(db, { directoryId: okta.directory.id, tokenId: revoked.record.id });
    const lastRequestAt = new Date("2030-01-02T03:04:05Z");
    await db.update(directoryConnections).set({ lastRequestAt, lastRequestStatus: 201, lastRequestUserAgent: "Okta SCIM Client 1.0.0" }).where(eq(directoryConnections.id, okta.directory.id));

    const [item, ...rest] = await listDirectories(db);

    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      id: okta.directory.id,
      workspaceId: acme.workspaceId,
      workspaceSlug: "acme",
      name: "Okta",
      idpType: "okta",
      state: "active",
      lastRequestAt: lastRequestAt.toISOString(),
      lastRequestStatus: 201,
      lastRequestUserAgent: "Okta SCIM Client 1.0.0",
    });
    const byPrefix = new Map(item?.tokens.map((t) => [t.prefix, t]));
    expect(byPrefix.get(okta.token.slice(0, 12))).toMatchObject({ status: "grace", revokedAt: rotated.retired[0]?.revokedAt.toISOString() });
    expect(byPrefix.get(rotated.token.slice(0, 12))).toMatchObject({ status: "active", revokedAt: null, expiresAt: null, lastUsedAt: null });
    expect(byPrefix.get(expiring.token.slice(0, 12))).toMatchObject({ status: "active", expiresAt: "2099-06-01T00:00:00.000Z" });
    expect(byPrefix.get(expired.token.slice(0, 12))).toMatchObject({ status: "expired" });
    expect(byPrefix.get(revoked.token.slice(0, 12))).toMatchObject({ status: "revoked" });
    expect(item?.tokens).toHaveLength(5);
    const json = JSON.stringify(item);
    for (const token of [okta.token, rotated.token, expiring.token, expired.token, revoked.token]) expect(json).not.toContain(token);
  });

  it("filters by workspace or directory and orders by workspace slug, then age", async () => {
    const { db } = database();
    const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 5 }).returning();
    const g = await createDirectory(db, { workspaceId: globex!.id, idpType: "google" });
    const a = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "generic", name: "Contractors" });

    const all = await listDirectories(db);
    expect(all.map((d) => d.workspaceSlug)).toEqual(["acme", "acme", "globex"]);
    expect(all.at(1)?.id).toBe(a.directory.id);
    expect((await listDirectories(db, { workspaceId: globex!.id })).map((d) => d.id)).toEqual([g.directory.id]);
    expect((await listDirectories(db, { directoryId: a.directory.id })).map((d) => d.name)).toEqual(["Contractors"]);
  });
});
