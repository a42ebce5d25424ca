import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accounts, activityEvents, directoryGroupMembers, directoryGroups, members, sessions, teamMembers, teams, users, workspaces } from "@/db/schema";
import { createSession, linkMembersToUser } from "@/lib/auth/console-access";
import { seedAcme } from "@/test/acme";
import { resetDatabase, setUpTestDatabase } from "@/test/database";
import { createScimDirectory, patchOp, type ScimClient } from "@/test/scim";
import { purgeExpiredMembers } from "./purge-expired-members";

const database = setUpTestDatabase();
const day = 24 * 60 * 60 * 1000;
const afterRetention = () => new Date(Date.now() + 91 * day);

let workspaceId: string;
let directoryId: string;
let client: ScimClient;

beforeEach(async () => {
  const { db } = database();
  await resetDatabase(db);
  ({ workspaceId } = await seedAcme(db));
  ({ directoryId, client } = await createScimDirectory(db, workspaceId, "okta"));
});

async function provision(scim: ScimClient, email: string): Promise<string> {
  const created = await scim.post("/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: email,
    emails: [{ value: email, primary: true }],
  });
  expect(created.status).toBe(201);
  return String(created.body.id);
}

async function remove(scim: ScimClient, memberId: string) {
  expect((await scim.delete(`/Users/${memberId}`)).status).toBe(204);
}

/** A sign-in identity for the members with this email, with a session and an SSO account. */
async function signedIn(email: string): Promise<string> {
  const { db } = database();
  const [user] = await db.insert(users).values({ email }).returning({ id: users.id, email: users.email });
  await linkMembersToUser(db, user!);
  await createSession(db, user!.id);
  await db.insert(accounts).values({ userId: user!.id, type: "oidc", provider: "oidc", providerAccountId: email });
  return user!.id;
}

const memberIds = async () => (await database().db.select({ id: members.id }).from(members)).map((m) => m.id);

const purgeEvents = () =>
  database()
    .db.select({ memberId: activityEvents.memberId, workspaceId: activityEvents.workspaceId, directoryId: activityEvents.directoryId, kind: activityEvents.kind, summary: activityEvents.summary })
    .from(activityEvents)
    .where(eq(activityEvents.action, "member.purged"));

describe("purgeExpiredMembers", () => {
  it("purges a removed member past the window with their team and group rows, identity and sessions, and logs it", async () => {
    const { db } = database();
    const alice = await provision(client, "alice@acme.test");
    const group = await client.post("/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Staff", members: [{ value: alice }] });
    expect(group.status).toBe(201);
    const [engineering] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, "Engineering"));
    await db.insert(teamMembers).values({ teamId: engineering!.id, memberId: alice, source: "directory" });
    const aliceUser = await signedIn("alice@acme.test");
    const before = await memberIds();
    await remove(client, alice);
    await db.update(members).set({ purgeAfter: sql`now() - interval '1 minute'` }).where(eq(members.id, alice));

    expect(await purgeExpiredMembers(db)).toEqual({ membersPurged: 1, usersDeleted: 1 });

    expect(await memberIds()).toEqual(before.filter((id) => id !== alice));
    expect(await db.select().from(teamMembers).where(eq(teamMembers.memberId, alice))).toEqual([]);
    expect(await db.select().from(directoryGroupMembers).where(eq(directoryGroupMembers.memberId, alice))).toEqual([]);
    expect(await db.select({ id: directoryGroups.id }).from(directoryGroups)).toEqual([{ id: group.body.id }]);
    expect(await db.select().from(users).where(eq(users.id, aliceUser))).toEqual([]);
    expect(await db.select().from(sessions).where(eq(sessions.userId, aliceUser))).toEqual([]);
    expect(await db.select().from(accounts).where(eq(accounts.userId, aliceUser))).toEqual([]);
    expect(await purgeEvents()).toEqual([
      { memberId: alice, workspaceId, directoryId, kind: "member", summary: expect.stringContaining("Purged alice@acme.test") },
    ]);
    // The SCIM log of the member's life stays, pointing at an id that no longer exists.
    const history = await db.select({ action: activityEvents.action }).from(activityEvents).where(eq(activityEvents.memberId, alice));
    expect(history.map((e) => e.action)).toEqual(expect.arrayContaining(["member.provisioned", "member.removed", "member.purged"]));
  });

  it("keeps members still inside the window, suspended but not removed, or re-provisioned in time", async () => {
    const { db } = database();
    const [inWindow, suspended, reprovisioned] = [
      await provision(client, "in.window@acme.test"),
      await provision(client, "suspended@acme.test"),
      await provision(client, "back@acme.test"),
    ];
    await remove(client, inWindow);
    await client.patch(`/Users/${suspended}`, patchOp({ op: "replace", path: "active", value: false }));
    await remove(client, reprovisioned);
    expect(await provision(client, "back@acme.test")).toBe(reprovisioned);
    const before = await memberIds();

    expect(await purgeExpiredMembers(db)).toEqual({ membersPurged: 0, usersDeleted: 0 });
    expect(await purgeExpiredMembers(db, { now: afterRetention() })).toEqual({ membersPurged: 1, usersDeleted: 0 });

    expect(await memberIds()).toEqual(before.filter((id) => id !== inWindow));
    const [back] = await db.select({ status: members.status, purgeAfter: members.purgeAfter }).from(members).where(eq(members.id, reprovisioned));
    expect(back).toEqual({ status: "active", purgeAfter: null });
  });

  it("keeps the sign-in identity and sessions of someone who is still a member of another workspace", async () => {
    const { db } = database();
    const alice = await provision(client, "alice@acme.test");
    const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning();
    await db.insert(members).values({ workspaceId: globex!.id, userName: "alice@acme.test", email: "alice@acme.test" });
    const aliceUser = await signedIn("alice@acme.test");
    await remove(client, alice);

    expect(await purgeExpiredMembers(db, { now: afterRetention() })).toEqual({ membersPurged: 1, usersDeleted: 0 });

    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, aliceUser))).toEqual([{ id: aliceUser }]);
    expect(await db.select({ userId: sessions.userId }).from(sessions).where(eq(sessions.userId, aliceUser))).toEqual([{ userId: aliceUser }]);
    const [remaining] = await db.select({ workspaceId: members.workspaceId }).from(members).where(eq(members.userId, aliceUser));
    expect(remaining?.workspaceId).toBe(globex!.id);
  });

  it("purges only the given directory's members and leaves other workspaces alone", async () => {
    const { db } = database();
    const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning();
    const other = await createScimDirectory(db, globex!.id, "entra");
    const acmeMember = await provision(client, "alice@acme.test");
    const globexRemoved = await provision(other.client, "alice@globex.test");
    const globexActive = await provision(other.client, "bob@globex.test");
    await remove(client, acmeMember);
    await remove(other.client, globexRemoved);

    expect(await purgeExpiredMembers(db, { now: afterRetention(), directoryId })).toEqual({ membersPurged: 1, usersDeleted: 0 });

    const globexMembers = await db.select({ id: members.id }).from(members).where(eq(members.workspaceId, globex!.id));
    expect(globexMembers.map((m) => m.id).sort()).toEqual([globexRemoved, globexActive].sort());
    expect((await purgeEvents()).map((e) => e.memberId)).toEqual([acmeMember]);
  });

  it("purges nothing the second time, and nothing twice when two run at once", async () => {
    const { db } = database();
    const removed = [];
    for (const name of ["a", "b", "c", "d", "e"]) {
      const id = await provision(client, `${name}@acme.test`);
      await remove(client, id);
      removed.push(id);
    }

    const [first, second] = await Promise.all([
      purgeExpiredMembers(db, { now: afterRetention() }),
      purgeExpiredMembers(db, { now: afterRetention() }),
    ]);
    expect(first.membersPurged + second.membersPurged).toBe(5);
    expect(await purgeExpiredMembers(db, { now: afterRetention() })).toEqual({ membersPurged: 0, usersDeleted: 0 });

    expect((await purgeEvents()).map((e) => e.memberId).sort()).toEqual(removed.sort());
    expect(await db.select({ id: members.id }).from(members).where(inArray(members.id, removed))).toEqual([]);
  });

  it("stops at the limit and leaves the rest for the next call", async () => {
    const { db } = database();
    for (const name of ["a", "b", "c"]) await remove(client, await provision(client, `${name}@acme.test`));

    expect(await purgeExpiredMembers(db, { now: afterRetention(), limit: 2 })).toEqual({ membersPurged: 2, usersDeleted: 0 });
    expect(await purgeExpiredMembers(db, { now: afterRetention(), limit: 2 })).toEqual({ membersPurged: 1, usersDeleted: 0 });
    const left = await db.select({ id: members.id }).from(members).where(and(eq(members.workspaceId, workspaceId), eq(members.source, "scim")));
    expect(left).toEqual([]);
  });
});
