import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { pgErrorFields, seatLimitCode } from "@/db/pg-error";
import { activityEvents, directoryConnections, directoryGroupChildren, directoryGroupMembers, directoryGroups, directoryTokens, members, workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { resetDatabase, setUpTestDatabase } from "@/test/database";
import { createScimDirectory, patchOp, scimClient, type ScimClient } from "@/test/scim";
import { issueToken } from "./issue-token";
import { disableDirectory, enableDirectory } from "./set-directory-state";

const database = setUpTestDatabase();
const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

let acme: SeededAcme;

beforeEach(async () => {
  await resetDatabase(database().db);
  acme = await seedAcme(database().db);
});

async function provisionUser(client: ScimClient, name: string, domain = "acme.test"): Promise<string> {
  const email = `${name}@${domain}`;
  const reply = await client.post("/Users", {
    schemas: [userSchema],
    externalId: `ext-${name}`,
    userName: email,
    name: { givenName: name, familyName: "Test" },
    emails: [{ primary: true, type: "work", value: email }],
    active: true,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

async function provisionGroup(client: ScimClient, displayName: string, memberIds: string[]): Promise<string> {
  const reply = await client.post("/Groups", { schemas: [groupSchema], externalId: `ext-${displayName}`, displayName, members: memberIds.map((value) => ({ value })) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

/** A directory with users (one linked to an existing member, one suspended), two groups, one nested in the other. */
async function populatedDirectory(db: Db, workspaceId: string, domain = "acme.test") {
  const { directoryId, token, client } = await createScimDirectory(db, workspaceId, "okta");
  const ada = await provisionUser(client, "ada", domain);
  const bob = await provisionUser(client, "bob", domain);
  const priya = await provisionUser(client, "priya.shah", domain);
  expect((await client.patch(`/Users/${bob}`, patchOp({ op: "replace", value: { active: false } }))).status).toBe(200);
  const engineering = await provisionGroup(client, "Engineering", [ada, priya]);
  const platform = await provisionGroup(client, "Platform", [bob]);
  expect((await client.patch(`/Groups/${engineering}`, patchOp({ op: "add", path: "members", value: [{ value: platform }] }))).status).toBe(204);
  return { directoryId, token, client, memberIds: [ada, bob, priya], groupIds: [engineering, platform] };
}

async function membersOf(db: Db, ids: string[]) {
  return db
    .select({ id: members.id, status: members.status, role: members.role, userName: members.userName, email: members.email, givenName: members.givenName, directoryId: members.directoryId, source: members.source, externalId: members.externalId })
    .from(members)
    .where(inArray(members.id, ids))
    .orderBy(members.userName);
}

async function otherWorkspace(db: Db): Promise<string> {
  const [workspace] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning({ id: workspaces.id });
  return workspace!.id;
}

describe("disableDirectory", () => {
  it("deletes the tokens, removes groups and memberships, clears external ids and keeps members as they are", async () => {
    const { db } = database();
    const { directoryId, token, client, memberIds, groupIds } = await populatedDirectory(db, acme.workspaceId);
    const before = await membersOf(db, memberIds);
    expect(before.map((m) => [m.userName, m.status, m.externalId])).toEqual([
      ["ada@acme.test", "active", "ext-ada"],
      ["bob@acme.test", "suspended", "ext-bob"],
      ["priya.shah@acme.test", "active", "ext-priya.shah"],
    ]);
    expect(await db.select().from(directoryGroupMembers).where(inArray(directoryGroupMembers.groupId, groupIds))).toHaveLength(3);

    const result = await disableDirectory(db, { directoryId, workspaceId: acme.workspaceId, actorUserId: acme.ownerUserId });

    expect(result).toMatchObject({ changed: true, tokensDeleted: 1, groupsRemoved: 2, groupMembershipsRemoved: 4, externalIdsCleared: 3, restoredOwnerMemberId: null });
    expect(result.directory.state).toBe("disabled");
    expect(await db.select().from(directoryTokens).where(eq(directoryTokens.directoryId, directoryId))).toEqual([]);
    expect(await db.select().from(directoryGroups).where(eq(directoryGroups.directoryId, directoryId))).toEqual([]);
    expect(await db.select().from(directoryGroupMembers).where(inArray(directoryGroupMembers.groupId, groupIds))).toEqual([]);
    expect(await db.select().from(directoryGroupChildren).where(inArray(directoryGroupChildren.groupId, groupIds))).toEqual([]);
    expect(await membersOf(db, memberIds)).toEqual(before.map((m) => ({ ...m, externalId: null })));

    const refused = await client.get("/Users");
    expect(refused.status).toBe(401);
    expect(String(refused.body.detail)).toMatch(/not valid/);
    expect((await scimClient(directoryId, token).get("/Groups")).status).toBe(401);

    const [event] = await db.select().from(activityEvents).where(and(eq(activityEvents.directoryId, directoryId), eq(activityEvents.action, "directory.disabled")));
    expect(event).toMatchObject({ kind: "admin", workspaceId: acme.workspaceId, actorUserId: acme.ownerUserId });
    expect(event?.changes).toMatchObject({ tokensDeleted: 1, groupsRemoved: 2, externalIdsCleared: 3 });
    expect(event?.summary).toContain("1 token deleted");
  });

  it("changes nothing when the directory is already disabled", async () => {
    const { db } = database();
    const { directoryId } = await populatedDirectory(db, acme.workspaceId);
    await disableDirectory(db, { directoryId, workspaceId: acme.workspaceId });
    const [before] = await db.select().from(directoryConnections).where(eq(directoryConnections.id, directoryId));

    const again = await disableDirectory(db, { directoryId, workspaceId: acme.workspaceId });

    expect(again).toMatchObject({ changed: false, tokensDeleted: 0, groupsRemoved: 0, externalIdsCleared: 0 });
    expect(await db.select().from(directoryConnections).where(eq(directoryConnections.id, directoryId))).toEqual([before]);
    const events = await db.select().from(activityEvents).where(and(eq(activityEvents.directoryId, directoryId), eq(activityEvents.action, "directory.disabled")));
    expect(events).toHaveLength(1);
  });

  it("leaves another workspace's directory alone and refuses a directory id of another workspace", async () => {
    const { db } = database();
    const mine = await populatedDirectory(db, acme.workspaceId);
    const globexId = await otherWorkspace(db);
    const theirs = await populatedDirectory(db, globexId, "globex.test");

    await expect(disableDirectory(db, { directoryId: theirs.directoryId, workspaceId: acme.workspaceId })).rejects.toThrow(/does not exist/);
    await expect(enableDirectory(db, { directoryId: theirs.directoryId, workspaceId: acme.workspaceId })).rejects.toThrow(/does not exist/);
    await disableDirectory(db, { directoryId: mine.directoryId, workspaceId: acme.workspaceId });

    const [directory] = await db.select({ state: directoryConnections.state }).from(directoryConnections).where(eq(directoryConnections.id, theirs.directoryId));
    expect(directory?.state).toBe("active");
    expect(await db.select().from(directoryTokens).where(eq(directoryTokens.directoryId, theirs.directoryId))).toHaveLength(1);
    expect(await db.select().from(directoryGroups).where(eq(directoryGroups.directoryId, theirs.directoryId))).toHaveLength(2);
    expect((await membersOf(db, theirs.memberIds)).every((m) => m.externalId?.startsWith("ext-"))).toBe(true);
    expect((await theirs.client.get("/Users")).body.totalResults).toBe(3);
  });

  it("makes the workspace owner an active owner again when no active owner or admin would remain", async () => {
    const { db } = database();
    const { directoryId } = await populatedDirectory(db, acme.workspaceId);
    // As if the directory had suspended and removed the owner, and demoted the only admin.
    const purgeAfter = new Date(Date.now() + 86400_000);
    await db.update(members).set({ status: "suspended", directoryRemovedAt: new Date(), purgeAfter }).where(eq(members.id, acme.ownerMemberId));
    await db.update(members).set({ role: "member" }).where(and(eq(members.workspaceId, acme.workspaceId), eq(members.role, "admin")));

    const result = await disableDirectory(db, { directoryId, workspaceId: acme.workspaceId });

    expect(result.restoredOwnerMemberId).toBe(acme.ownerMemberId);
    const [owner] = await db.select().from(members).where(eq(members.id, acme.ownerMemberId));
    expect(owner).toMatchObject({ role: "owner", status: "active", directoryRemovedAt: null, purgeAfter: null });
    const [event] = await db.select().from(activityEvents).where(and(eq(activityEvents.directoryId, directoryId), eq(activityEvents.action, "directory.disabled")));
    expect(event?.summary).toMatch(/owner/);
  });

  it("refuses as a whole, with the seat-limit error, when the owner to restore needs a seat and none is free", async () => {
    const { db } = database();
    const { directoryId } = await populatedDirectory(db, acme.workspaceId);
    await db.update(members).set({ status: "suspended" }).where(eq(members.id, acme.ownerMemberId));
    await db.update(members).set({ role: "member" }).where(and(eq(members.workspaceId, acme.workspaceId), eq(members.role, "admin")));
    const [workspace] = await db.select({ seatsUsed: workspaces.seatsUsed }).from(workspaces).where(eq(workspaces.id, acme.workspaceId));
    await db.update(workspaces).set({ seatLimit: workspace!.seatsUsed }).where(eq(workspaces.id, acme.workspaceId));

    const failure = await disableDirectory(db, { directoryId, workspaceId: acme.workspaceId }).catch((error: unknown) => error);

    expect(pgErrorFields(failure)?.code).toBe(seatLimitCode);
    const [directory] = await db.select().from(directoryConnections).where(eq(directoryConnections.id, directoryId));
    expect(directory?.state).toBe("active");
    expect(await db.select().from(directoryTokens).where(eq(directoryTokens.directoryId, directoryId))).toHaveLength(1);
  });

  it("leaves roles alone while an active admin remains", async () => {
    const { db } = database();
    const { directoryId } = await populatedDirectory(db, acme.workspaceId);
    await db.update(members).set({ status: "suspended" }).where(eq(members.id, acme.ownerMemberId));

    const result = await disableDirectory(db, { directoryId, workspaceId: acme.workspaceId });

    expect(result.restoredOwnerMemberId).toBeNull();
    const [owner] = await db.select({ status: members.status }).from(members).where(eq(members.id, acme.ownerMemberId));
    expect(owner?.status).toBe("suspended");
  });
});

describe("enableDirectory", () => {
  it("turns a disabled directory back on; with a new token the IdP sees the same members again", async () => {
    const { db } = database();
    const { directoryId, memberIds } = await populatedDirectory(db, acme.workspaceId);
    await disableDirectory(db, { directoryId, workspaceId: acme.workspaceId });
    await expect(issueToken(db, { directoryId })).rejects.toThrow(/disabled/);

    const result = await enableDirectory(db, { directoryId, workspaceId: acme.workspaceId, actorUserId: acme.ownerUserId });

    expect(result).toMatchObject({ changed: true, directory: { state: "active" } });
    const [event] = await db.select().from(activityEvents).where(and(eq(activityEvents.directoryId, directoryId), eq(activityEvents.action, "directory.enabled")));
    expect(event).toMatchObject({ kind: "admin", actorUserId: acme.ownerUserId });

    const { token } = await issueToken(db, { directoryId });
    const client = scimClient(directoryId, token);
    const users = await client.get("/Users");
    expect(users.status).toBe(200);
    expect(users.body.Resources?.map((u) => u.id).sort()).toEqual([...memberIds].sort());
    expect(users.body.Resources?.every((u) => u.externalId === undefined)).toBe(true);
    expect((await client.get("/Groups")).body.totalResults).toBe(0);
  });

  it("turns a draft directory on, and changes nothing on an active one", async () => {
    const { db } = database();
    const [draft] = await db.insert(directoryConnections).values({ workspaceId: acme.workspaceId, name: "Draft", idpType: "generic" }).returning();
    expect(draft?.state).toBe("draft");

    expect((await enableDirectory(db, { directoryId: draft!.id, workspaceId: acme.workspaceId })).changed).toBe(true);
    expect((await enableDirectory(db, { directoryId: draft!.id, workspaceId: acme.workspaceId })).changed).toBe(false);
    const events = await db.select().from(activityEvents).where(and(eq(activityEvents.directoryId, draft!.id), eq(activityEvents.action, "directory.enabled")));
    expect(events).toHaveLength(1);
  });
});
