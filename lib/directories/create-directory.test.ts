import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activityEvents, directoryConnections, directoryTokens } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createDirectory } from "./create-directory";
import { hashDirectoryToken } from "./directory-token";

const database = setUpTestDatabase();
let acme: SeededAcme;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

describe("createDirectory", () => {
  it("creates an active connection named after the IdP, with one token stored only as hash and prefix", async () => {
    const { db } = database();

    const { directory, token, tokenRecord } = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "okta", createdByUserId: acme.ownerUserId });

    expect(directory).toMatchObject({ workspaceId: acme.workspaceId, idpType: "okta", name: "Okta", state: "active" });
    const tokens = await db.select().from(directoryTokens).where(eq(directoryTokens.directoryId, directory.id));
    expect(tokens).toEqual([
      expect.objectContaining({ id: tokenRecord.id, prefix: token.slice(0, 12), hash: hashDirectoryToken(token), expiresAt: null, revokedAt: null, createdByUserId: acme.ownerUserId }),
    ]);
    expect(JSON.stringify(tokens)).not.toContain(token);
  });

  it("records directory.created and token.created, attributed to the admin, without the token", async () => {
    const { db } = database();

    const { directory, token } = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "entra", name: "  Contractors  ", createdByUserId: acme.ownerUserId });

    expect(directory.name).toBe("Contractors");
    const events = await db.select().from(activityEvents).where(eq(activityEvents.directoryId, directory.id)).orderBy(activityEvents.id);
    expect(events).toEqual([
      expect.objectContaining({ action: "directory.created", kind: "admin", workspaceId: acme.workspaceId, actorUserId: acme.ownerUserId }),
      expect.objectContaining({ action: "token.created", kind: "token", workspaceId: acme.workspaceId, actorUserId: acme.ownerUserId }),
    ]);
    expect(events[0]?.summary).toContain("Contractors");
    expect(events[1]?.summary).toContain(token.slice(0, 12));
    expect(JSON.stringify(events)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(token.slice(12));
  });

  it.each([
    ["entra", "Microsoft Entra ID"],
    ["google", "Google Workspace"],
    ["onelogin", "OneLogin"],
    ["jumpcloud", "JumpCloud"],
    ["generic", "Generic SCIM 2.0"],
  ] as const)("names a %s connection %s by default", async (idpType, name) => {
    const { directory } = await createDirectory(database().db, { workspaceId: acme.workspaceId, idpType, name: "" });
    expect(directory.name).toBe(name);
  });

  it("leaves nothing behind when a later step fails", async () => {
    const { db } = database();
    const before = await db.select({ id: directoryConnections.id }).from(directoryConnections);

    // The connection is inserted first; the activity event's actor does not exist, so its insert fails.
    await expect(createDirectory(db, { workspaceId: acme.workspaceId, idpType: "okta", name: "Doomed", createdByUserId: "no-such-user" })).rejects.toThrow();

    expect(await db.select({ id: directoryConnections.id }).from(directoryConnections)).toEqual(before);
    expect(await db.select().from(directoryConnections).where(eq(directoryConnections.name, "Doomed"))).toEqual([]);
  });
});
