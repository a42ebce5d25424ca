import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { directoryGroupMembers, directoryGroups, members, workspaces } from "@/db/schema";
import { setUpTestDatabase, testDatabaseKind } from "@/test/database";
import { freshScimDirectory, patchOp, type ScimClient, type ScimReply } from "@/test/scim";

const database = setUpTestDatabase();
const groupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
const errorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

let client: ScimClient;
let workspaceId: string;
let directoryId: string;

beforeEach(async () => {
  ({ workspaceId, client, directoryId } = await freshScimDirectory(database().db, "entra"));
});

async function createUser(name: string): Promise<string> {
  const reply = await client.post("/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: `${name}@acme.test`,
    displayName: name,
    emails: [{ primary: true, type: "work", value: `${name}@acme.test` }],
    active: true,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

async function createGroup(displayName: string, memberIds: string[] = []): Promise<string> {
  const reply = await client.post("/Groups", { schemas: [groupSchema], displayName, members: memberIds.map((value) => ({ value })) });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

type MemberRef = { value: string; type?: string; display?: string };

async function readGroup(id: string): Promise<ScimReply & { members: MemberRef[] }> {
  const reply = await client.get(groupPath(id));
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return { ...reply, members: (reply.body.members ?? []) as MemberRef[] };
}

const memberIdsOf = async (groupId: string) => (await readGroup(groupId)).members.map((m) => m.value).sort();

const groupPath = (id: string) => `/Groups/${id}`;

const filterGroups = (filter: string, extra = "") => client.get(`/Groups?filter=${encodeURIComponent(filter)}${extra}`);

describe("Group create and read", () => {
  it("creates Entra's group (ADSCIM schema, externalId, meta, no members) and Okta's (members: [])", async () => {
    const entra = await client.post("/Groups", {
      schemas: [groupSchema, "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Sales",
      meta: { resourceType: "Group" },
    });
    expect(entra.status).toBe(201);
    expect(entra.body).toMatchObject({ schemas: [groupSchema], displayName: "Sales", externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159" });
    expect(entra.headers.get("location")).toBe(`${client.baseUrl}/Groups/${entra.body.id}`);
    expect(entra.headers.get("etag")).toBe('W/"1"');

    const okta = await client.post("/Groups", { schemas: [groupSchema], displayName: "Test SCIMv2", members: [] });
    expect(okta.status).toBe(201);
    expect(okta.body).toMatchObject({ displayName: "Test SCIMv2", members: [] });

    const list = await client.get("/Groups?startIndex=1&count=100");
    expect(list.body.totalResults).toBe(2);
    expect(list.body.Resources?.map((g) => g.displayName).sort()).toEqual(["Sales", "Test SCIMv2"]);
  });

  it("refuses a second group whose displayName differs only in case (409 uniqueness) and keeps one group", async () => {
    await createGroup("Engineering");
    const duplicate = await client.post("/Groups", { schemas: [groupSchema], displayName: "ENGINEERING" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ schemas: [errorSchema], status: "409", scimType: "uniqueness" });
    expect(String(duplicate.body.detail)).toMatch(/displayName/);
    const found = await filterGroups('displayName eq "engineering"', "&excludedAttributes=members");
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources?.[0]?.displayName).toBe("Engineering");
  });

  it("returns members on GET, and leaves them out with excludedAttributes=members (Entra's read)", async () => {
    const alice = await createUser("alice");
    const groupId = await createGroup("Sales", [alice]);

    const full = await client.get(`/Groups/${groupId}`);
    expect(full.status).toBe(200);
    expect(full.body.members).toEqual([{ value: alice, display: "alice", type: "User", $ref: `${client.baseUrl}/Users/${alice}` }]);

    const lean = await client.get(`/Groups/${groupId}?excludedAttributes=members`);
    expect(lean.status).toBe(200);
    expect(lean.body).not.toHaveProperty("members");
    expect(lean.body).toMatchObject({ id: groupId, displayName: "Sales" });

    const onlyName = await client.get(`/Groups/${groupId}?attributes=displayName`);
    expect(onlyName.body).toEqual({ schemas: [groupSchema], id: groupId, displayName: "Sales" });

    const listed = await filterGroups('displayName eq "Sales"', "&excludedAttributes=members");
    expect(listed.body.Resources?.[0]).not.toHaveProperty("members");
    expect(listed.body.Resources?.[0]?.id).toBe(groupId);
  });
});

describe("Group membership PATCH shapes", () => {
  it("adds one member with Entra's shape ($ref: null, capitalised op) and answers 204", async () => {
    const alice = await createUser("alice");
    const groupId = await createGroup("Sales");
    const reply = await client.patch(groupPath(groupId), patchOp({ op: "Add", path: "members", value: [{ $ref: null, value: alice }] }));
    expect(reply.status).toBe(204);
    expect(await memberIdsOf(groupId)).toEqual([alice]);
  });

  it("removes only the listed members with Entra/JumpCloud's value-array Remove; the others stay", async () => {
    const [a, b, c] = [await createUser("a"), await createUser("b"), await createUser("c")];
    const groupId = await createGroup("Sales", [a, b, c]);

    const entra = await client.patch(groupPath(groupId), patchOp({ op: "Remove", path: "members", value: [{ value: a }] }));
    expect(entra.status).toBe(204);
    expect(await memberIdsOf(groupId)).toEqual([b, c].sort());

    const jumpcloud = await client.patch(groupPath(groupId), patchOp({ op: "remove", path: "members", value: [{ value: c }] }));
    expect(jumpcloud.status).toBe(204);
    expect(await memberIdsOf(groupId)).toEqual([b]);
  });

  it("treats retried membership changes as done: re-adding a member or removing a non-member is 204 and changes nothing", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    const groupId = await createGroup("Sales", [a]);
    const before = await readGroup(groupId);
    const unknown = "3f0c6a9e-2b7d-4c1e-8f5a-9d8e7c6b5a41";
    for (const operation of [
      { op: "Add", path: "members", value: [{ value: a }] },
      { op: "Remove", path: "members", value: [{ value: b }] },
      { op: "remove", path: `members[value eq "${unknown}"]` },
    ]) {
      expect((await client.patch(groupPath(groupId), patchOp(operation))).status, JSON.stringify(operation)).toBe(204);
    }
    const after = await readGroup(groupId);
    expect(after.members.map((m) => m.value)).toEqual([a]);
    expect(after.headers.get("etag")).toBe(before.headers.get("etag"));
  });

  it("keeps a suspended user in its groups (Entra does not restore memberships on reactivation)", async () => {
    const a = await createUser("a");
    const groupId = await createGroup("Sales", [a]);
    expect((await client.patch(`/Users/${a}`, patchOp({ op: "Replace", path: "active", value: "False" }))).status).toBe(200);
    expect(await memberIdsOf(groupId)).toEqual([a]);
    expect((await filterGroups(`id eq "${groupId}" and members[value eq "${a}"]`)).body.totalResults).toBe(1);
  });

  it("applies Okta's remove members[value eq …] and add in one PATCH", async () => {
    const [a, b, c] = [await createUser("a"), await createUser("b"), await createUser("c")];
    const groupId = await createGroup("Sales", [a, b]);
    const reply = await client.patch(groupPath(groupId), {
      // Okta leaves `schemas` out of group PATCHes.
      Operations: [
        { op: "remove", path: `members[value eq "${a}"]` },
        { op: "add", path: "members", value: [{ value: c, display: "c@acme.test" }] },
      ],
    });
    expect(reply.status).toBe(204);
    expect(await memberIdsOf(groupId)).toEqual([b, c].sort());
  });

  it("replaces the whole member list with Okta's replace members", async () => {
    const [a, b, c] = [await createUser("a"), await createUser("b"), await createUser("c")];
    const groupId = await createGroup("Sales", [a, b]);
    const reply = await client.patch(groupPath(groupId), patchOp({ op: "replace", path: "members", value: [{ value: b }, { value: c }] }));
    expect(reply.status).toBe(204);
    expect(await memberIdsOf(groupId)).toEqual([b, c].sort());
  });

  it("renames with Okta's no-path replace carrying the group's id (204), and the same PATCH again also succeeds", async () => {
    const a = await createUser("a");
    const groupId = await createGroup("Sales", [a]);
    const rename = patchOp({ op: "replace", value: { id: groupId, displayName: "Revenue" } });

    const first = await client.patch(groupPath(groupId), rename);
    expect(first.status).toBe(204);
    const renamed = await readGroup(groupId);
    expect(renamed.body).toMatchObject({ id: groupId, displayName: "Revenue" });
    expect(renamed.members.map((m) => m.value)).toEqual([a]);

    const again = await client.patch(groupPath(groupId), rename);
    expect(again.status).toBe(204);
    const unchanged = await readGroup(groupId);
    expect(unchanged.body).toMatchObject({ id: groupId, displayName: "Revenue" });
    // Nothing changed the second time, so the version (ETag) did not move.
    expect(unchanged.headers.get("etag")).toBe(renamed.headers.get("etag"));
  });

  it("accepts a nested group as a member and shows it with type Group", async () => {
    const a = await createUser("a");
    const parent = await createGroup("All staff", [a]);
    const child = await createGroup("Contractors");
    const reply = await client.patch(groupPath(parent), patchOp({ op: "Add", path: "members", value: [{ value: child }] }));
    expect(reply.status).toBe(204);
    const { members: listed } = await readGroup(parent);
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: a, type: "User" }),
        expect.objectContaining({ value: child, type: "Group", display: "Contractors", $ref: `${client.baseUrl}/Groups/${child}` }),
      ]),
    );
    expect(listed).toHaveLength(2);
  });

  it("refuses to add a group to itself (400) and changes nothing", async () => {
    const groupId = await createGroup("Loop");
    const reply = await client.patch(groupPath(groupId), patchOp({ op: "Add", path: "members", value: [{ value: groupId }] }));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ schemas: [errorSchema], status: "400" });
    expect(String(reply.body.detail)).toMatch(/itself/);
    expect(await memberIdsOf(groupId)).toEqual([]);
  });

  it("refuses a member id that does not exist (400 naming it) and applies nothing of the PATCH", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    const groupId = await createGroup("Sales", [a]);
    const before = await readGroup(groupId);
    const ghost = "0b7e2a4c-1f3d-4d5e-9a8b-7c6d5e4f3a2b";

    const reply = await client.patch(
      groupPath(groupId),
      patchOp(
        { op: "replace", path: "displayName", value: "Renamed" },
        { op: "remove", path: `members[value eq "${a}"]` },
        { op: "add", path: "members", value: [{ value: b }, { value: ghost }] },
      ),
    );
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ schemas: [errorSchema], status: "400", scimType: "invalidValue" });
    expect(String(reply.body.detail)).toContain(ghost);

    const after = await readGroup(groupId);
    expect(after.body.displayName).toBe("Sales");
    expect(after.members.map((m) => m.value)).toEqual([a]);
    expect(after.headers.get("etag")).toBe(before.headers.get("etag"));
  });

  it("refuses a member value that is not a uuid (400) and keeps the members", async () => {
    const a = await createUser("a");
    const groupId = await createGroup("Sales", [a]);
    const reply = await client.patch(groupPath(groupId), patchOp({ op: "add", path: "members", value: [{ value: "not-a-uuid" }] }));
    expect(reply.status).toBe(400);
    expect(String(reply.body.detail)).toContain("not-a-uuid");
    expect(await memberIdsOf(groupId)).toEqual([a]);
  });

  it("adds 1,000 members in one PATCH, and the group then lists all 1,000", async () => {
    const { db } = database();
    await db.update(workspaces).set({ seatLimit: 5000 }).where(eq(workspaces.id, workspaceId));
    const inserted = await db
      .insert(members)
      .values(
        Array.from({ length: 1000 }, (_, i) => ({
          workspaceId,
          directoryId,
          source: "scim" as const,
          userName: `bulk${i}@acme.test`,
          email: `bulk${i}@acme.test`,
        })),
      )
      .returning({ id: members.id });
    const groupId = await createGroup("Everyone");

    const reply = await client.patch(groupPath(groupId), patchOp({ op: "Add", path: "members", value: inserted.map(({ id }) => ({ value: id })) }));
    expect(reply.status).toBe(204);

    const ids = await memberIdsOf(groupId);
    expect(ids).toHaveLength(1000);
    expect(ids).toEqual(inserted.map(({ id }) => id).sort());
  }, 30_000);
});

describe("Membership filters", () => {
  it("answers Entra's check id eq … and members[value eq …]: 1 while a member, 0 after removal", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    const groupId = await createGroup("Sales", [a, b]);
    const check = () => filterGroups(`id eq "${groupId}" and members[value eq "${a}"]`, "&excludedAttributes=members");

    const present = await check();
    expect(present.status).toBe(200);
    expect(present.body.totalResults).toBe(1);
    expect(present.body.Resources?.[0]?.id).toBe(groupId);
    expect(present.body.Resources?.[0]).not.toHaveProperty("members");

    await client.patch(groupPath(groupId), patchOp({ op: "Remove", path: "members", value: [{ value: a }] }));
    const absent = await check();
    expect(absent.status).toBe(200);
    expect(absent.body.totalResults).toBe(0);
    // b is still in the group.
    expect((await filterGroups(`id eq "${groupId}" and members[value eq "${b}"]`)).body.totalResults).toBe(1);
  });

  it("answers AWS-style members eq \"<uid>\" with exactly the groups the user is in", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    const sales = await createGroup("Sales", [a]);
    await createGroup("Support", [b]);
    const both = await createGroup("Everyone", [a, b]);

    const reply = await filterGroups(`members eq "${a}"`);
    expect(reply.status).toBe(200);
    expect(reply.body.Resources?.map((g) => g.id).sort()).toEqual([sales, both].sort());
    expect((await filterGroups(`id eq "${sales}" and members eq "${b}"`)).body.totalResults).toBe(0);
  });
});

describe("Group lifecycle", () => {
  it("DELETE removes the group (204, then 404) and keeps its users", async () => {
    const a = await createUser("a");
    const groupId = await createGroup("Sales", [a]);
    expect((await client.delete(groupPath(groupId))).status).toBe(204);

    const gone = await client.get(groupPath(groupId));
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ schemas: [errorSchema], status: "404" });
    expect((await client.delete(groupPath(groupId))).status).toBe(404);

    const user = await client.get(`/Users/${a}`);
    expect(user.status).toBe(200);
    expect(user.body.groups).toEqual([]);
  });

  it("DELETE of a user takes it out of its groups", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    const groupId = await createGroup("Sales", [a, b]);
    expect((await client.delete(`/Users/${a}`)).status).toBe(204);
    expect(await memberIdsOf(groupId)).toEqual([b]);
    expect((await filterGroups(`members[value eq "${a}"]`)).body.totalResults).toBe(0);
  });

  it("PUT replaces displayName and the whole member list", async () => {
    const [a, b, c] = [await createUser("a"), await createUser("b"), await createUser("c")];
    const groupId = await createGroup("Sales", [a, b]);
    const reply = await client.put(groupPath(groupId), { schemas: [groupSchema], displayName: "Sales EMEA", members: [{ value: c }] });
    expect(reply.status).toBeLessThan(300);
    const after = await readGroup(groupId);
    expect(after.body.displayName).toBe("Sales EMEA");
    expect(after.members.map((m) => m.value)).toEqual([c]);

    // A PUT without members leaves the group empty (the body is the whole resource).
    await client.put(groupPath(groupId), { schemas: [groupSchema], displayName: "Sales EMEA" });
    expect(await memberIdsOf(groupId)).toEqual([]);
  });

  it("lists a user's groups in its groups attribute", async () => {
    const [a, b] = [await createUser("a"), await createUser("b")];
    const sales = await createGroup("Sales", [a]);
    const support = await createGroup("Support", [a, b]);
    await createGroup("Finance", [b]);

    const user = await client.get(`/Users/${a}`);
    expect(user.status).toBe(200);
    expect(user.body.groups).toEqual([
      { value: sales, display: "Sales", type: "direct", $ref: `${client.baseUrl}/Groups/${sales}` },
      { value: support, display: "Support", type: "direct", $ref: `${client.baseUrl}/Groups/${support}` },
    ]);
  });
});

describe.runIf(testDatabaseKind === "postgres")("Concurrent group PATCHes (postgres)", () => {
  it("keeps every member when 20 PATCHes add different members to one group at once", async () => {
    const users = await Promise.all(Array.from({ length: 20 }, (_, i) => createUser(`user${i}`)));
    const groupId = await createGroup("Busy");

    const replies = await Promise.all(users.map((id) => client.patch(groupPath(groupId), patchOp({ op: "Add", path: "members", value: [{ value: id }] }))));
    expect(replies.map((r) => r.status)).toEqual(users.map(() => 204));
    expect(await memberIdsOf(groupId)).toEqual([...users].sort());

    const { db } = database();
    const [group] = await db.select({ version: directoryGroups.version }).from(directoryGroups).where(eq(directoryGroups.id, groupId));
    expect(group?.version).toBe(21);
  }, 30_000);

  it("loses no member when renames and adds run concurrently", async () => {
    const users = await Promise.all(Array.from({ length: 10 }, (_, i) => createUser(`user${i}`)));
    const groupId = await createGroup("Original");
    const names = users.map((_, i) => `Name ${i}`);

    const replies = await Promise.all(
      users.flatMap((id, i) => [
        client.patch(groupPath(groupId), patchOp({ op: "replace", value: { id: groupId, displayName: names[i] } })),
        client.patch(groupPath(groupId), patchOp({ op: "add", path: "members", value: [{ value: id }] })),
      ]),
    );
    expect(replies.every((r) => r.status === 204)).toBe(true);
    const after = await readGroup(groupId);
    expect(after.members.map((m) => m.value).sort()).toEqual([...users].sort());
    expect(names).toContain(after.body.displayName);

    const { db } = database();
    const rows = await db.select().from(directoryGroupMembers).where(eq(directoryGroupMembers.groupId, groupId));
    expect(rows).toHaveLength(10);
  }, 30_000);
});
