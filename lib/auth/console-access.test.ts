import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { members, sessions, users, workspaces, type MemberRole } from "@/db/schema";
import { ownerEmail, seedAcme, type SeededAcme } from "@/test/acme";
import { resetDatabase, setUpTestDatabase } from "@/test/database";
import { createScimDirectory, patchOp } from "@/test/scim";
import { createSession, findConsoleAccess, isAdmin, linkMembersToUser, revokeUserSessions, type ConsoleAccess } from "./console-access";

describe("console access", () => {
  const database = setUpTestDatabase();
  let acme: SeededAcme;
  beforeEach(async () => {
    await resetDatabase(database().db);
    acme = await seedAcme(database().db);
  });

  async function createUser(email: string) {
    const [user] = await database().db.insert(users).values({ email }).returning({ id: users.id, email: users.email });
    return user!;
  }

  async function memberOf(email: string) {
    const [member] = await database().db.select().from(members).where(eq(members.email, email));
    return member!;
  }

  async function createWorkspace(slug: string) {
    const [workspace] = await database().db.insert(workspaces).values({ slug, name: slug, seatLimit: 10 }).returning();
    return workspace!;
  }

  it("gives the seeded owner owner access to Acme", async () => {
    const access = await findConsoleAccess(database().db, acme.ownerUserId);

    expect(access).toEqual({
      userId: acme.ownerUserId,
      member: { id: acme.ownerMemberId, role: "owner", displayName: "Olivia Park", email: ownerEmail },
      workspace: { id: acme.workspaceId, slug: "acme", name: "Acme", seatLimit: 50 },
    });
  });

  it("refuses a member on the very next request after suspension", async () => {
    const { db } = database();
    expect(await findConsoleAccess(db, acme.ownerUserId)).not.toBeNull();

    await db.update(members).set({ status: "suspended" }).where(eq(members.id, acme.ownerMemberId));

    expect(await findConsoleAccess(db, acme.ownerUserId)).toBeNull();
  });

  it("refuses a directory-managed admin on the very next request after the IdP suspends or removes them", async () => {
    const { db } = database();
    const { client } = await createScimDirectory(db, acme.workspaceId, "okta");
    const provisionSignedInAdmin = async (email: string) => {
      const { body } = await client.post("/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: email, emails: [{ value: email, primary: true }] });
      const user = await createUser(email);
      await linkMembersToUser(db, user);
      await db.update(members).set({ role: "admin" }).where(eq(members.id, String(body.id)));
      expect((await findConsoleAccess(db, user.id))?.member.id).toBe(body.id);
      return { memberId: String(body.id), userId: user.id };
    };
    const alice = await provisionSignedInAdmin("alice@acme.test");
    const bob = await provisionSignedInAdmin("bob@acme.test");

    const suspended = await client.patch(`/Users/${alice.memberId}`, patchOp({ op: "replace", path: "active", value: false }));
    const removed = await client.delete(`/Users/${bob.memberId}`);

    expect([suspended.status, removed.status]).toEqual([200, 204]);
    expect(await findConsoleAccess(db, alice.userId)).toBeNull();
    expect(await findConsoleAccess(db, bob.userId)).toBeNull();
  });

  it("revokes every session of one user and no one else's", async () => {
    const { db } = database();
    const other = await createUser("someone@else.test");
    await createSession(db, acme.ownerUserId);
    await createSession(db, acme.ownerUserId);
    const kept = await createSession(db, other.id);

    expect(await revokeUserSessions(db, acme.ownerUserId)).toBe(2);

    expect(await db.select({ token: sessions.sessionToken, userId: sessions.userId }).from(sessions)).toEqual([
      { token: kept.sessionToken, userId: other.id },
    ]);
  });

  it("links members to a signing-in identity by email, ignoring case", async () => {
    const user = await createUser("Marcus.Chen@ACME.test");

    await linkMembersToUser(database().db, user);

    expect((await memberOf("marcus.chen@acme.test")).userId).toBe(user.id);
    expect((await memberOf("priya.shah@acme.test")).userId).toBeNull();
  });

  it("never moves a member already linked to another identity", async () => {
    const { db } = database();
    const priya = await createUser("priya.shah@acme.test");
    await linkMembersToUser(db, priya);
    // The directory then renames her address, and a new identity signs in with the new one.
    await db.update(members).set({ email: "p.shah@acme.test" }).where(eq(members.userId, priya.id));
    const newcomer = await createUser("p.shah@acme.test");

    await linkMembersToUser(db, newcomer);

    expect((await memberOf("p.shah@acme.test")).userId).toBe(priya.id);
    expect(await findConsoleAccess(db, newcomer.id)).toBeNull();
  });

  it("picks the most privileged active membership across workspaces, not the oldest or newest", async () => {
    const { db } = database();
    const tom = await createUser("tom.becker@acme.test");
    await linkMembersToUser(db, tom); // viewer in Acme, the oldest membership
    const memberships: [slug: string, role: MemberRole, status: "active" | "suspended"][] = [
      ["globex", "admin", "active"],
      ["initech", "member", "active"],
      ["umbrella", "owner", "suspended"],
    ];
    for (const [slug, role, status] of memberships) {
      const workspace = await createWorkspace(slug);
      await db.insert(members).values({ workspaceId: workspace.id, userId: tom.id, userName: tom.email, email: tom.email, role, status });
    }

    const access = await findConsoleAccess(db, tom.id);

    expect(access?.workspace.slug).toBe("globex");
    expect(access?.member.role).toBe("admin");
  });
});

describe("isAdmin", () => {
  const accessWithRole = (role: MemberRole): ConsoleAccess => ({
    userId: "user",
    member: { id: "member", role, displayName: null, email: null },
    workspace: { id: "workspace", slug: "acme", name: "Acme", seatLimit: 50 },
  });

  it.each<[MemberRole, boolean]>([
    ["owner", true],
    ["admin", true],
    ["member", false],
    ["viewer", false],
  ])("is %s an admin: %s", (role, expected) => {
    expect(isAdmin(accessWithRole(role))).toBe(expected);
  });
});
