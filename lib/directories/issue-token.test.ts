import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activityEvents, directoryConnections, directoryTokens } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createDirectory } from "./create-directory";
import { hashDirectoryToken } from "./directory-token";
import { issueToken } from "./issue-token";

const database = setUpTestDatabase();
let acme: SeededAcme;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

describe("issueToken", () => {
  it("adds a token with its expiry next to the directory's others and records token.created", async () => {
    const { db } = database();
    const { directory, token: first } = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "generic" });
    const expiresAt = new Date("2099-01-01T00:00:00Z");

    const { token, record } = await issueToken(db, { directoryId: directory.id, expiresAt, createdByUserId: acme.ownerUserId });

    expect(token).not.toBe(first);
    expect(record).toMatchObject({ directoryId: directory.id, prefix: token.slice(0, 12), hash: hashDirectoryToken(token), expiresAt, revokedAt: null });
    const stored = await db.select({ hash: directoryTokens.hash, revokedAt: directoryTokens.revokedAt }).from(directoryTokens).where(eq(directoryTokens.directoryId, directory.id));
    expect(stored).toHaveLength(2);
    expect(stored.every((t) => t.revokedAt === null)).toBe(true);

    const [event] = await db.select().from(activityEvents).where(eq(activityEvents.resourceId, record.id));
    expect(event).toMatchObject({ action: "token.created", kind: "token", directoryId: directory.id, actorUserId: acme.ownerUserId });
    expect(event?.summary).toContain("2099-01-01");
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it("refuses a disabled directory, whose IdP would be refused anyway", async () => {
    const { db } = database();
    const { directory } = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "okta" });
    await db.update(directoryConnections).set({ state: "disabled" }).where(eq(directoryConnections.id, directory.id));

    await expect(issueToken(db, { directoryId: directory.id })).rejects.toThrow(/disabled/);
    expect(await db.select().from(directoryTokens).where(eq(directoryTokens.directoryId, directory.id))).toHaveLength(1);
  });

  it("refuses a directory that does not exist", async () => {
    await expect(issueToken(database().db, { directoryId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(/does not exist/);
  });
});
