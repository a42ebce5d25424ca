import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { members, workspaces } from "@/db/schema";
import { seedAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory, patchOp, type ScimClient } from "@/test/scim";
import { listGroupMembers, type GroupMemberItem, type ListGroupMembersInput } from "./list-group-members";

const database = setUpTestDatabase();

let okta: { id: string; workspaceId: string; client: ScimClient };
let otherDirectoryId: string;
const ids: Record<string, string> = {};

async function post(client: ScimClient, path: "/Users" | "/Groups", body: Record<string, unknown>): Promise<string> {
  const schema = path === "/Users" ? "urn:ietf:params:scim:schemas:core:2.0:User" : "urn:ietf:params:scim:schemas:core:2.0:Group";
  const reply = await client.post(path, { schemas: [schema], ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

const user = (name: string, displayName?: string) =>
  post(okta.client, "/Users", { userName: `${name}@acme.test`, displayName, emails: [{ value: `${name}@acme.test`, primary: true }] });
const group = (displayName: string, memberIds: string[] = []) => post(okta.client, "/Groups", { displayName, members: memberIds.map((value) => ({ value })) });
const addMembers = async (groupId: string, memberIds: string[]) => {
  const reply = await okta.client.patch(`/Groups/${groupId}`, patchOp({ op: "add", path: "members", value: memberIds.map((value) => ({ value })) }));
  expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
};

async function allPages(groupId: string, input: ListGroupMembersInput): Promise<GroupMemberItem[][]> {
  const pages: GroupMemberItem[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listGroupMembers(database().db, okta.id, groupId, { ...input, cursor });
    expect(page).toBeDefined();
    pages.push(page!.members);
    cursor = page!.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  const db = database().db;
  const { workspaceId } = await seedAcme(db);
  await db.update(workspaces).set({ seatLimit: 10_000 }).where(eq(workspaces.id, workspaceId));
  const { directoryId, client } = await createScimDirectory(db, workspaceId, "entra");
  okta = { id: directoryId, workspaceId, client };

  ids.ada = await user("ada", "Ada Lovelace");
  ids.grace = await user("grace", "Grace Hopper");
  ids.bob = await user("bob");
  ids.backend = await group("Backend", [ids.grace]);
  ids.frontend = await group("frontend");
  ids.engineering = await group("Engineering", [ids.ada, ids.grace, ids.bob, ids.backend, ids.frontend]);
  expect((await client.patch(`/Users/${ids.grace}`, patchOp({ op: "replace", path: "active", value: false }))).status).toBe(200);

  const globex = await createScimDirectory(db, (await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 50 }).returning())[0]!.id);
  otherDirectoryId = globex.directoryId;
});

describe("listGroupMembers", () => {
  it("lists nested groups first, then users with email and status, each by name", async () => {
    const page = await listGroupMembers(database().db, okta.id, ids.engineering!);
    expect(page).toEqual({
      members: [
        { type: "group", id: ids.backend, name: "Backend", externalId: null },
        { type: "group", id: ids.frontend, name: "frontend", externalId: null },
        { type: "user", id: ids.ada, name: "Ada Lovelace", email: "ada@acme.test", status: "active" },
        { type: "user", id: ids.bob, name: "bob@acme.test", email: "bob@acme.test", status: "active" },
        { type: "user", id: ids.grace, name: "Grace Hopper", email: "grace@acme.test", status: "suspended" },
      ],
      nextCursor: null,
    });
    expect((await listGroupMembers(database().db, okta.id, ids.frontend!))?.members).toEqual([]);
  });

  it("searches users by name, userName or email and nested groups by name", async () => {
    const names = async (search: string) => (await listGroupMembers(database().db, okta.id, ids.engineering!, { search }))?.members.map((m) => m.name);
    expect(await names("END")).toEqual(["Backend", "frontend"]);
    expect(await names("hopper")).toEqual(["Grace Hopper"]);
    expect(await names("BOB@")).toEqual(["bob@acme.test"]);
    expect(await names("%")).toEqual([]);
  });

  it("answers undefined for a group of another directory, an unknown id or a non-uuid", async () => {
    const db = database().db;
    expect(await listGroupMembers(db, otherDirectoryId, ids.engineering!)).toBeUndefined();
    expect(await listGroupMembers(db, okta.id, crypto.randomUUID())).toBeUndefined();
    expect(await listGroupMembers(db, okta.id, "not-a-uuid")).toBeUndefined();
  });

  it("pages a large group across its nested groups and users, each member exactly once", async () => {
    const db = database().db;
    const bulk = await db
      .insert(members)
      .values(
        Array.from({ length: 1_000 }, (_, i) => ({
          workspaceId: okta.workspaceId,
          directoryId: okta.id,
          source: "scim" as const,
          userName: `bulk${i}@acme.test`,
          email: `bulk${i}@acme.test`,
          displayName: i % 4 === 0 ? "Same Name" : `Person ${i % 50}`,
        })),
      )
      .returning({ id: members.id });
    const big = await group("All staff");
    const nested = await Promise.all(Array.from({ length: 12 }, (_, i) => group(`Nested ${i}`)));
    // A user of the directory outside the group must not show up in it.
    await user("outsider", "Aaron Outsider");
    await addMembers(big, [...bulk.map((m) => m.id), ids.ada!, ...nested]);

    for (const limit of [7, 12, 100]) {
      const pages = await allPages(big, { limit });
      const listed = pages.flat();
      expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
      expect(listed).toHaveLength(1_000 + 1 + 12);
      expect(new Set(listed.map((m) => m.id)).size).toBe(1_013);
      expect(listed.slice(0, 12).every((m) => m.type === "group")).toBe(true);
      const userNames = listed.slice(12).map((m) => m.name.toLowerCase());
      expect(userNames).toEqual([...userNames].sort());
    }

    const same = (await allPages(big, { search: "same name", limit: 9 })).flat();
    expect(same).toHaveLength(250);
    expect(new Set(same.map((m) => m.id)).size).toBe(250);
    const nestedOnly = (await allPages(big, { search: "nested", limit: 5 })).flat();
    expect(nestedOnly.map((m) => m.id).sort()).toEqual([...nested].sort());
  });
});
