import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activityEvents, directoryGroupMembers, groupMappings, members, teamMembers, teams, workspaces, type MemberRole } from "@/db/schema";
import { ownerEmail } from "@/test/acme";
import { setUpTestDatabase, testDatabaseKind } from "@/test/database";
import { createScimDirectory, freshScimDirectory, patchOp, type ScimClient } from "@/test/scim";
import { GroupMappingError, listGroupMappings, removeGroupMapping, setGroupMapping, type SetGroupMappingInput } from "./group-mappings";
import { recomputeMemberAccess } from "./recompute-member-access";

const database = setUpTestDatabase();
const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

let db: Db;
let client: ScimClient;
let workspaceId: string;
let directoryId: string;

beforeEach(async () => {
  db = database().db;
  ({ workspaceId, directoryId, client } = await freshScimDirectory(db, "okta"));
});

async function createUser(name: string, scim = client): Promise<string> {
  const email = name.includes("@") ? name : `${name}@acme.test`;
  const reply = await scim.post("/Users", { schemas: [userSchema], userName: email, emails: [{ primary: true, value: email }], active: true });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

async function createGroup(displayName: string, memberIds: string[] = [], scim = client): Promise<string> {
  const reply = await scim.post("/Groups", { schemas: [groupSchema], displayName, members: memberIds.map((value) => ({ value })) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

async function patchMembers(groupId: string, op: "add" | "remove", ids: string[], scim = client) {
  const operation = op === "add" ? { op, path: "members", value: ids.map((value) => ({ value })) } : { op, path: `members[${ids.map((id) => `value eq "${id}"`).join(" or ")}]` };
  const reply = await scim.patch(`/Groups/${groupId}`, patchOp(operation));
  expect(reply.status, JSON.stringify(reply.body)).toBe(204);
}

async function createTeam(name: string, inWorkspace = workspaceId): Promise<string> {
  const [team] = await db.insert(teams).values({ workspaceId: inWorkspace, name }).returning({ id: teams.id });
  return team!.id;
}

async function teamNamed(name: string): Promise<string> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.name, name)));
  return team!.id;
}

const map = (groupId: string, mapping: Omit<SetGroupMappingInput, "workspaceId" | "directoryId" | "groupId"> = {}) =>
  setGroupMapping(db, { workspaceId, directoryId, groupId, ...mapping });

type Access = { role: MemberRole; managed: boolean; teams: string[] };

/** A member's role and teams, each team as `name (source)`. */
async function accessOf(memberId: string): Promise<Access> {
  const [member] = await db.select({ role: members.role, managed: members.roleManagedByDirectory }).from(members).where(eq(members.id, memberId));
  const rows = await db
    .select({ name: teams.name, source: teamMembers.source })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.memberId, memberId));
  return { role: member!.role, managed: member!.managed, teams: rows.map((r) => `${r.name} (${r.source})`).sort() };
}

const setDefaultRole = (role: MemberRole) => db.update(workspaces).set({ defaultRole: role }).where(eq(workspaces.id, workspaceId));

const fullRecompute = () => db.transaction((tx) => recomputeMemberAccess(tx, { directoryId }));

describe("group mappings → role and teams", () => {
  it("gives a mapped group's users its role and team, marks the role as the directory's, and logs the change", async () => {
    const ann = await createUser("ann");
    const bob = await createUser("bob");
    const groupId = await createGroup("Platform", [ann]);
    const platform = await createTeam("Platform");

    const result = await map(groupId, { teamId: platform, role: "admin", actorUserId: undefined });
    expect(result).toMatchObject({ changed: true, access: { members: 1, rolesChanged: 1, teamRowsAdded: 1, teamRowsRemoved: 0 } });
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: ["Platform (directory)"] });
    expect(await accessOf(bob)).toEqual({ role: "member", managed: false, teams: [] });

    const [event] = await db.select().from(activityEvents).where(eq(activityEvents.action, "mapping.changed"));
    expect(event).toMatchObject({ kind: "admin", workspaceId, directoryId, resourceId: groupId });
    expect(event!.summary).toBe('Mapped group "Platform": team "Platform", role admin');

    // A user added later gets the mapping in the PATCH's own transaction.
    await patchMembers(groupId, "add", [bob]);
    expect(await accessOf(bob)).toEqual({ role: "admin", managed: true, teams: ["Platform (directory)"] });

    expect(await map(groupId, { teamId: platform, role: "admin" })).toMatchObject({ changed: false });
  });

  it("gives a member in several mapped groups the highest-privilege role and every team", async () => {
    const ann = await createUser("ann");
    const viewers = await createGroup("Viewers", [ann]);
    const admins = await createGroup("Admins", [ann]);
    const teamOnly = await createGroup("Sales people", [ann]);
    await map(viewers, { role: "viewer" });
    await map(admins, { role: "admin", teamId: await createTeam("Ops") });
    await map(teamOnly, { teamId: await teamNamed("Sales") });
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: ["Ops (directory)", "Sales (directory)"] });

    await patchMembers(admins, "remove", [ann]);
    expect(await accessOf(ann)).toEqual({ role: "viewer", managed: true, teams: ["Sales (directory)"] });
  });

  it("makes the admin group's users admins; a second admin group needs an explicit move", async () => {
    const ann = await createUser("ann");
    const bob = await createUser("bob");
    const first = await createGroup("IT", [ann]);
    const second = await createGroup("Security", [bob]);
    await map(first, { isAdminGroup: true });
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: [] });

    await expect(map(second, { isAdminGroup: true })).rejects.toThrow(GroupMappingError);
    await expect(map(second, { isAdminGroup: true })).rejects.toThrow(/"IT" is the admin group/);
    expect(await accessOf(bob)).toEqual({ role: "member", managed: false, teams: [] });

    const moved = await map(second, { isAdminGroup: true, moveAdminGroup: true });
    expect(moved.access).toMatchObject({ members: 2, rolesChanged: 2 });
    expect(await accessOf(bob)).toEqual({ role: "admin", managed: true, teams: [] });
    expect(await accessOf(ann)).toEqual({ role: "member", managed: false, teams: [] });
    // IT's mapping only made it the admin group, so it is gone.
    const rows = await db.select({ groupId: groupMappings.groupId, isAdminGroup: groupMappings.isAdminGroup }).from(groupMappings);
    expect(rows).toEqual([{ groupId: second, isAdminGroup: true }]);
  });

  it("an admin group mapped to a higher role keeps it; mapped to viewer it still grants admin", async () => {
    const ann = await createUser("ann");
    const it_ = await createGroup("IT", [ann]);
    await map(it_, { isAdminGroup: true, role: "viewer" });
    expect((await accessOf(ann)).role).toBe("admin");
  });

  it("gives the workspace default role to a member who leaves every mapped group, or whose group is unmapped", async () => {
    const ann = await createUser("ann");
    const bob = await createUser("bob");
    const groupId = await createGroup("Leads", [ann, bob]);
    await map(groupId, { role: "admin", teamId: await createTeam("Leads") });
    await setDefaultRole("viewer");

    await patchMembers(groupId, "remove", [ann]);
    expect(await accessOf(ann)).toEqual({ role: "viewer", managed: false, teams: [] });
    expect(await accessOf(bob)).toEqual({ role: "admin", managed: true, teams: ["Leads (directory)"] });

    const removed = await removeGroupMapping(db, { workspaceId, directoryId, groupId });
    expect(removed).toMatchObject({ changed: true, access: { members: 1, rolesChanged: 1, teamRowsRemoved: 1 } });
    expect(await accessOf(bob)).toEqual({ role: "viewer", managed: false, teams: [] });
    const [event] = await db.select().from(activityEvents).where(eq(activityEvents.action, "mapping.removed"));
    expect(event).toMatchObject({ kind: "admin", resourceId: groupId });
    expect(await removeGroupMapping(db, { workspaceId, directoryId, groupId })).toMatchObject({ changed: false });
  });

  it("keeps a role set by hand on a directory member no mapping reaches", async () => {
    // Marcus is an admin added by hand; the directory links him and puts him in an unmapped group.
    const marcus = await createUser("marcus.chen@acme.test");
    await createGroup("Everyone", [marcus]);
    expect(await accessOf(marcus)).toMatchObject({ role: "admin", managed: false });
    expect(await fullRecompute()).toMatchObject({ rolesChanged: 0 });
  });
});

describe("nested groups", () => {
  it("a child group inherits its parent's mapping; with its own, its users get both (highest role wins)", async () => {
    const ann = await createUser("ann");
    const parent = await createGroup("Engineering all");
    const child = await createGroup("Backend", [ann]);
    const grandchild = await createGroup("Databases");
    await map(parent, { role: "admin", teamId: await teamNamed("Engineering") });
    expect(await accessOf(ann)).toEqual({ role: "member", managed: false, teams: [] });

    // Nesting the child recomputes its users in the PATCH.
    await patchMembers(parent, "add", [child]);
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: ["Engineering (directory)"] });

    await map(child, { role: "viewer", teamId: await createTeam("Backend") });
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: ["Backend (directory)", "Engineering (directory)"] });

    await patchMembers(child, "add", [grandchild]);
    const listed = await listGroupMappings(db, directoryId);
    expect(listed.map((g) => [g.displayName, g.own?.role ?? null, g.inherited.map((i) => i.groupName)])).toEqual([
      ["Backend", "viewer", ["Engineering all"]],
      ["Databases", null, ["Backend"]],
      ["Engineering all", "admin", []],
    ]);

    await patchMembers(parent, "remove", [child]);
    expect(await accessOf(ann)).toEqual({ role: "viewer", managed: true, teams: ["Backend (directory)"] });
  });

  it("gives a user of a deeply nested group the ancestor's mapping, and survives a nesting cycle", async () => {
    const ann = await createUser("ann");
    const top = await createGroup("Top");
    const middle = await createGroup("Middle");
    const bottom = await createGroup("Bottom", [ann]);
    await patchMembers(top, "add", [middle]);
    await patchMembers(middle, "add", [bottom]);
    await patchMembers(bottom, "add", [top]); // a cycle: Top → Middle → Bottom → Top
    await map(top, { role: "admin" });
    expect((await accessOf(ann)).role).toBe("admin");
    expect(await fullRecompute()).toMatchObject({ rolesChanged: 0, teamRowsAdded: 0, teamRowsRemoved: 0 });
    expect((await listGroupMappings(db, directoryId)).map((g) => [g.displayName, g.inherited.map((i) => i.groupName)])).toEqual([
      ["Bottom", ["Top"]],
      ["Middle", ["Top"]],
      ["Top", []],
    ]);
  });
});

describe("what the engine never touches", () => {
  it("never changes the owner's role, though the owner gets the mapped teams", async () => {
    const owner = await createUser(ownerEmail);
    const groupId = await createGroup("Viewers", [owner]);
    await map(groupId, { role: "viewer", teamId: await createTeam("Readers") });
    expect(await accessOf(owner)).toEqual({ role: "owner", managed: false, teams: ["Readers (directory)"] });
    await patchMembers(groupId, "remove", [owner]);
    expect(await accessOf(owner)).toEqual({ role: "owner", managed: false, teams: [] });
  });

  it("leaves manual team rows alone, even for the team a mapping names", async () => {
    const marcus = await createUser("marcus.chen@acme.test"); // a manual member of Engineering
    const ann = await createUser("ann");
    const groupId = await createGroup("Eng", [marcus, ann]);
    await map(groupId, { teamId: await teamNamed("Engineering") });
    expect(await accessOf(marcus)).toMatchObject({ teams: ["Engineering (manual)"] });
    expect(await accessOf(ann)).toMatchObject({ teams: ["Engineering (directory)"] });

    await removeGroupMapping(db, { workspaceId, directoryId, groupId });
    expect(await accessOf(marcus)).toMatchObject({ teams: ["Engineering (manual)"] });
    expect(await accessOf(ann)).toMatchObject({ teams: [] });
  });

  it("touches no other directory or workspace", async () => {
    const ann = await createUser("ann");
    const groupId = await createGroup("Staff", [ann]);
    const other = await createScimDirectory(db, workspaceId, "generic");
    const contractor = await createUser("carl", other.client);
    const otherGroup = await createGroup("Contractors", [contractor], other.client);
    const [elsewhere] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning({ id: workspaces.id });
    const globexTeam = await createTeam("Globex team", elsewhere!.id);

    await map(groupId, { role: "admin" });
    await setDefaultRole("viewer");
    expect(await fullRecompute()).toMatchObject({ members: 1, rolesChanged: 0 });
    expect(await accessOf(contractor)).toEqual({ role: "member", managed: false, teams: [] });

    await expect(map(otherGroup, { role: "admin" })).rejects.toThrow(/does not exist in this directory/);
    await expect(map(groupId, { teamId: globexTeam })).rejects.toThrow(/team does not exist/);
    await expect(setGroupMapping(db, { workspaceId: elsewhere!.id, directoryId, groupId, role: "viewer" })).rejects.toThrow(GroupMappingError);
    await expect(map(groupId, {})).rejects.toThrow(/Map the group to a team, a role/);
    await expect(map(groupId, { role: "owner" as "admin" })).rejects.toThrow(GroupMappingError);
    expect(await accessOf(ann)).toMatchObject({ role: "admin", managed: true });
  });
});

describe("SCIM changes recompute in their transaction", () => {
  it("DELETE /Groups recomputes everyone who was in the group, nested users too", async () => {
    const ann = await createUser("ann");
    const bob = await createUser("bob");
    const child = await createGroup("Child", [bob]);
    const groupId = await createGroup("Doomed", [ann, child]);
    await map(groupId, { role: "admin", teamId: await createTeam("Doomed team") });
    expect((await accessOf(bob)).role).toBe("admin");

    const reply = await client.delete(`/Groups/${groupId}`);
    expect(reply.status).toBe(204);
    for (const id of [ann, bob]) expect(await accessOf(id)).toEqual({ role: "member", managed: false, teams: [] });
    expect(await db.select().from(groupMappings)).toEqual([]);
  });

  it("a PATCH that fails changes nothing, not even a member it removed before failing", async () => {
    const ann = await createUser("ann");
    const groupId = await createGroup("Admins", [ann]);
    await map(groupId, { role: "admin", teamId: await createTeam("Admins") });

    const reply = await client.patch(
      `/Groups/${groupId}`,
      patchOp({ op: "remove", path: `members[value eq "${ann}"]` }, { op: "add", path: "members", value: [{ value: "00000000-0000-4000-8000-000000000000" }] }),
    );
    expect(reply.status).toBe(400);
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: ["Admins (directory)"] });
    expect(await db.select().from(directoryGroupMembers).where(eq(directoryGroupMembers.memberId, ann))).toHaveLength(1);
  });

  it("PUT /Groups recomputes the users it drops and the users it adds", async () => {
    const ann = await createUser("ann");
    const bob = await createUser("bob");
    const groupId = await createGroup("Admins", [ann]);
    await map(groupId, { role: "admin" });
    const reply = await client.put(`/Groups/${groupId}`, { schemas: [groupSchema], displayName: "Admins renamed", members: [{ value: bob }] });
    expect(reply.status).toBe(204);
    expect((await accessOf(ann)).role).toBe("member");
    expect((await accessOf(bob)).role).toBe("admin");
  });

  it("DELETE /Users takes away the teams and role the user's groups gave; re-provisioning does not bring them back", async () => {
    const ann = await createUser("ann");
    const groupId = await createGroup("Admins", [ann]);
    await map(groupId, { role: "admin", teamId: await createTeam("Admins") });
    await db.insert(teamMembers).values({ teamId: await createTeam("Hand picked"), memberId: ann, source: "manual" });
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: ["Admins (directory)", "Hand picked (manual)"] });

    expect((await client.delete(`/Users/${ann}`)).status).toBe(204);
    expect(await accessOf(ann)).toEqual({ role: "member", managed: false, teams: ["Hand picked (manual)"] });

    // Back within the retention window: the same member, in no group yet, so no directory access.
    expect(await createUser("ann")).toBe(ann);
    expect(await accessOf(ann)).toEqual({ role: "member", managed: false, teams: ["Hand picked (manual)"] });
    await patchMembers(groupId, "add", [ann]);
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: ["Admins (directory)", "Hand picked (manual)"] });
  });

  it("suspending a user (active=false) keeps its groups, teams and role for when it comes back", async () => {
    const ann = await createUser("ann");
    const groupId = await createGroup("Admins", [ann]);
    await map(groupId, { role: "admin", teamId: await createTeam("Admins") });
    const off = await client.patch(`/Users/${ann}`, patchOp({ op: "replace", value: { active: false } }));
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(await accessOf(ann)).toEqual({ role: "admin", managed: true, teams: ["Admins (directory)"] });
    const [member] = await db.select({ status: members.status }).from(members).where(eq(members.id, ann));
    expect(member!.status).toBe("suspended");
  });

  it("is idempotent: recomputing again changes nothing", async () => {
    const users = await Promise.all(["ann", "bob", "cid"].map((name) => createUser(name)));
    const groupId = await createGroup("All", users);
    await map(groupId, { role: "viewer", teamId: await createTeam("All") });
    // Knock the state out of line behind the engine's back, then repair it twice.
    await db.execute(sql`update members set role = 'admin' where id = ${users[0]!}`);
    await db.delete(teamMembers).where(eq(teamMembers.memberId, users[1]!));
    expect(await fullRecompute()).toEqual({ members: 3, rolesChanged: 1, teamRowsAdded: 1, teamRowsRemoved: 0 });
    expect(await fullRecompute()).toEqual({ members: 3, rolesChanged: 0, teamRowsAdded: 0, teamRowsRemoved: 0 });
  });
});

describe.runIf(testDatabaseKind === "postgres")("concurrency (postgres)", () => {
  it("ends consistent after 20 concurrent PATCHes on one mapped group and a mapping edit among them", async () => {
    const users = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(`user${i}`)));
    const leaving = users.slice(0, 10);
    const joining = users.slice(10);
    const groupId = await createGroup("Busy", leaving);
    const team = await createTeam("Busy");
    await map(groupId, { role: "admin", teamId: team });

    const [replies] = await Promise.all([
      Promise.all([
        ...leaving.map((id) => client.patch(`/Groups/${groupId}`, patchOp({ op: "remove", path: `members[value eq "${id}"]` }))),
        ...joining.map((id) => client.patch(`/Groups/${groupId}`, patchOp({ op: "add", path: "members", value: [{ value: id }] }))),
      ]),
      map(groupId, { role: "viewer", teamId: team }),
    ]);
    expect(replies.map((r) => r.status)).toEqual(users.map(() => 204));

    for (const id of leaving) expect(await accessOf(id)).toEqual({ role: "member", managed: false, teams: [] });
    for (const id of joining) expect(await accessOf(id)).toEqual({ role: "viewer", managed: true, teams: ["Busy (directory)"] });
    expect(await fullRecompute()).toMatchObject({ rolesChanged: 0, teamRowsAdded: 0, teamRowsRemoved: 0 });
  }, 30_000);

  it("answers every request when groups gain and lose users that are being deleted at the same time (no deadlock 500s)", async () => {
    const users = await Promise.all(Array.from({ length: 12 }, (_, i) => createUser(`user${i}`)));
    const groups = await Promise.all(["One", "Two", "Three"].map((name) => createGroup(name, users.slice(0, 6))));
    await map(groups[0]!, { role: "admin", teamId: await createTeam("One") });

    const replies = await Promise.all([
      ...users.map((id) => client.delete(`/Users/${id}`)),
      ...groups.flatMap((groupId) => [
        client.patch(`/Groups/${groupId}`, patchOp({ op: "add", path: "members", value: users.slice(6).map((value) => ({ value })) })),
        client.patch(`/Groups/${groupId}`, patchOp({ op: "remove", path: "members", value: users.slice(0, 6).map((value) => ({ value })) })),
      ]),
    ]);
    // A PATCH naming a user deleted first is refused with 400 (unknown member); nothing is a 5xx.
    for (const reply of replies) expect([200, 204, 400], JSON.stringify(reply.body)).toContain(reply.status);
    expect(replies.slice(0, users.length).map((r) => r.status)).toEqual(users.map(() => 204));
    expect(await db.select().from(directoryGroupMembers)).toEqual([]);
    for (const id of users) expect(await accessOf(id)).toEqual({ role: "member", managed: false, teams: [] });
  }, 30_000);

  it("two admins moving the admin group at the same moment: one wins, the other gets a clear error", async () => {
    const [it1, it2, it3] = await Promise.all(["IT", "Ops", "Sec"].map((name) => createGroup(name)));
    await map(it1!, { isAdminGroup: true });
    const results = await Promise.allSettled([map(it2!, { isAdminGroup: true, moveAdminGroup: true }), map(it3!, { isAdminGroup: true, moveAdminGroup: true })]);
    for (const result of results) if (result.status === "rejected") expect(result.reason).toBeInstanceOf(GroupMappingError);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    const admins = await db.select({ groupId: groupMappings.groupId }).from(groupMappings).where(eq(groupMappings.isAdminGroup, true));
    expect(admins).toHaveLength(1);
  });
});
