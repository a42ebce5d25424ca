import { beforeAll, describe, expect, it } from "vitest";
import { directoryGroups, workspaces } from "@/db/schema";
import { seedAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory, patchOp, type ScimClient } from "@/test/scim";
import { listDirectoryGroups, type DirectoryGroupItem, type ListDirectoryGroupsInput } from "./list-directory-groups";

const database = setUpTestDatabase();

let okta: { id: string; client: ScimClient };
let otherDirectoryId: string;
const ids: Record<string, string> = {};

async function post(client: ScimClient, path: "/Users" | "/Groups", body: Record<string, unknown>): Promise<string> {
  const schema = path === "/Users" ? "urn:ietf:params:scim:schemas:core:2.0:User" : "urn:ietf:params:scim:schemas:core:2.0:Group";
  const reply = await client.post(path, { schemas: [schema], ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

const user = (client: ScimClient, name: string) => post(client, "/Users", { userName: `${name}@acme.test`, displayName: name, emails: [{ value: `${name}@acme.test`, primary: true }] });
const group = (client: ScimClient, displayName: string, memberIds: string[] = [], externalId?: string) =>
  post(client, "/Groups", { displayName, externalId, members: memberIds.map((value) => ({ value })) });

async function allPages(directoryId: string, input: ListDirectoryGroupsInput): Promise<DirectoryGroupItem[]> {
  const listed: DirectoryGroupItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await listDirectoryGroups(database().db, directoryId, { ...input, cursor });
    listed.push(...page.groups);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return listed;
}

beforeAll(async () => {
  const db = database().db;
  const { workspaceId } = await seedAcme(db);
  const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 50 }).returning();
  const { directoryId, client } = await createScimDirectory(db, workspaceId, "okta");
  okta = { id: directoryId, client };

  const ada = await user(client, "ada");
  const grace = await user(client, "grace");
  const alan = await user(client, "alan");
  ids.backend = await group(client, "Backend", [ada, grace], "okta-backend");
  ids.frontend = await group(client, "frontend", [alan]);
  ids.engineering = await group(client, "Engineering", [ids.backend, ids.frontend, ada], "okta-eng");
  ids.empty = await group(client, "Empty_100%");
  // Removing a user from the directory takes it out of its groups.
  expect((await client.delete(`/Users/${grace}`)).status).toBe(204);
  expect((await client.patch(`/Groups/${ids.frontend}`, patchOp({ op: "add", path: "members", value: [{ value: ada }] }))).status).toBeLessThan(300);

  const other = await createScimDirectory(db, globex!.id);
  otherDirectoryId = other.directoryId;
  ids.globexBackend = await group(other.client, "Backend", [await post(other.client, "/Users", { userName: "hank@globex.test" })]);
});

describe("listDirectoryGroups", () => {
  it("lists the directory's groups by name, ignoring case, with external id and direct member counts", async () => {
    const page = await listDirectoryGroups(database().db, okta.id);
    expect(page.nextCursor).toBeNull();
    expect(page.groups.map((g) => [g.displayName, g.externalId, g.userCount, g.groupCount])).toEqual([
      ["Backend", "okta-backend", 1, 0],
      ["Empty_100%", null, 0, 0],
      ["Engineering", "okta-eng", 1, 2],
      ["frontend", null, 2, 0],
    ]);
    expect(page.groups[0]!.id).toBe(ids.backend);
    expect(Date.parse(page.groups[0]!.updatedAt)).not.toBeNaN();
  });

  it("never shows another directory's groups", async () => {
    expect((await listDirectoryGroups(database().db, otherDirectoryId)).groups.map((g) => [g.id, g.userCount])).toEqual([[ids.globexBackend, 1]]);
    expect((await listDirectoryGroups(database().db, okta.id, { limit: 100 })).groups.map((g) => g.id)).not.toContain(ids.globexBackend);
  });

  it.each([
    ["part of a name, any case", "END", ["Backend", "frontend"]],
    ["LIKE wildcards literally", "_100%", ["Empty_100%"]],
    ["no match", "sales", []],
  ])("searches %s", async (_label, search, expected) => {
    expect((await listDirectoryGroups(database().db, okta.id, { search })).groups.map((g) => g.displayName)).toEqual(expected);
  });

  it("ignores a forged cursor", async () => {
    expect((await listDirectoryGroups(database().db, okta.id, { cursor: "eyJ4IjoxfQ" })).groups).toHaveLength(4);
  });

  it("pages hundreds of groups, each exactly once in name order, with and without a search", async () => {
    const db = database().db;
    await db.insert(directoryGroups).values(
      Array.from({ length: 600 }, (_, i) => ({ directoryId: okta.id, displayName: `Team ${String(i).padStart(3, "0")}`, externalId: `ext-${i}` })),
    );
    const listed = await allPages(okta.id, { limit: 50 });
    expect(listed).toHaveLength(604);
    expect(new Set(listed.map((g) => g.id)).size).toBe(604);
    const names = listed.map((g) => g.displayName.toLowerCase());
    expect(names).toEqual([...names].sort());

    const matching = await allPages(okta.id, { search: "team 1", limit: 9 });
    expect(matching.map((g) => g.displayName)).toEqual(Array.from({ length: 100 }, (_, i) => `Team ${100 + i}`));
  });
});
