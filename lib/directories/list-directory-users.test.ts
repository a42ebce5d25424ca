import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { members, workspaces } from "@/db/schema";
import { seedAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory, patchOp, type ScimClient } from "@/test/scim";
import { setGroupMapping } from "@/lib/mappings/group-mappings";
import { listDirectoryUsers, type DirectoryUserItem, type ListDirectoryUsersInput } from "./list-directory-users";

const database = setUpTestDatabase();

type Directory = { id: string; workspaceId: string; client: ScimClient };
let okta: Directory;
let contractors: Directory;
let globex: Directory;
const ids: Record<string, string> = {};

async function provision(directory: Directory, userName: string, displayName?: string): Promise<string> {
  const reply = await directory.client.post("/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName,
    displayName,
    emails: [{ primary: true, type: "work", value: userName }],
    active: true,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

async function newDirectory(workspaceId: string): Promise<Directory> {
  const { directoryId, client } = await createScimDirectory(database().db, workspaceId);
  return { id: directoryId, workspaceId, client };
}

/** Every page of a listing, following cursors. */
async function allPages(directory: Directory, input: ListDirectoryUsersInput): Promise<DirectoryUserItem[][]> {
  const pages: DirectoryUserItem[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listDirectoryUsers(database().db, directory, { ...input, cursor });
    pages.push(page.users);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  const db = database().db;
  const acme = await seedAcme(db);
  await db.update(workspaces).set({ seatLimit: 10_000 }).where(eq(workspaces.id, acme.workspaceId));
  const [other] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 50 }).returning();
  okta = await newDirectory(acme.workspaceId);
  contractors = await newDirectory(acme.workspaceId);
  globex = await newDirectory(other!.id);

  ids.ada = await provision(okta, "ada@acme.test", "Ada Lovelace");
  ids.grace = await provision(okta, "grace@acme.test", "Grace Hopper");
  ids.alan = await provision(okta, "alan@acme.test", "Alan Turing");
  ids.noName = await provision(okta, "zed_100%@acme.test");
  ids.contractor = await provision(contractors, "carl@acme.test", "Carl Contractor");
  ids.hank = await provision(globex, "hank@globex.test", "Hank Scorpio");

  expect((await okta.client.patch(`/Users/${ids.grace}`, patchOp({ op: "replace", path: "active", value: false }))).status).toBe(200);
  expect((await okta.client.delete(`/Users/${ids.alan}`)).status).toBe(204);
});

describe("listDirectoryUsers", () => {
  it("lists the directory's members by name, with status, source and role, and nobody else's", async () => {
    const page = await listDirectoryUsers(database().db, okta);
    expect(page.users.map((u) => u.name)).toEqual(["Ada Lovelace", "Alan Turing", "Grace Hopper", "zed_100%@acme.test"]);
    expect(page.nextCursor).toBeNull();
    expect(page.users[0]).toMatchObject({
      id: ids.ada,
      userName: "ada@acme.test",
      email: "ada@acme.test",
      status: "active",
      purgeAfter: null,
      source: "scim",
      role: "member",
      roleManagedByDirectory: false,
    });
    // Acme's manual members and the other directories' members are not this directory's.
    expect((await listDirectoryUsers(database().db, contractors)).users.map((u) => u.id)).toEqual([ids.contractor]);
    expect((await listDirectoryUsers(database().db, globex)).users.map((u) => u.id)).toEqual([ids.hank]);
  });

  it("never lists a directory under another workspace's id", async () => {
    const page = await listDirectoryUsers(database().db, { id: globex.id, workspaceId: okta.workspaceId });
    expect(page.users).toEqual([]);
  });

  it("maps PATCH active=false to suspended and DELETE to pending purge with its purge date", async () => {
    const users = (await listDirectoryUsers(database().db, okta)).users;
    expect(users.find((u) => u.id === ids.grace)).toMatchObject({ status: "suspended", purgeAfter: null });
    const alan = users.find((u) => u.id === ids.alan);
    expect(alan?.status).toBe("pending_purge");
    const [row] = await database().db.select({ purgeAfter: members.purgeAfter }).from(members).where(eq(members.id, ids.alan!));
    expect(alan?.purgeAfter).toBe(new Date(row!.purgeAfter!).toISOString());
    // Default retention: 90 days from the DELETE.
    const days = (Date.parse(alan!.purgeAfter!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThanOrEqual(90);
  });

  it.each(["active", "suspended", "pending_purge"] as const)("filters by status %s", async (status) => {
    const expected = { active: [ids.ada, ids.noName], suspended: [ids.grace], pending_purge: [ids.alan] }[status];
    const page = await listDirectoryUsers(database().db, okta, { status });
    expect(page.users.map((u) => u.id)).toEqual(expected);
  });

  it.each([
    ["part of a display name, any case", "LOVE", ["Ada Lovelace"]],
    ["part of a userName", "grace@", ["Grace Hopper"]],
    ["a userName when there is no display name", "ZED", ["zed_100%@acme.test"]],
    ["LIKE wildcards literally", "100%", ["zed_100%@acme.test"]],
    ["an underscore literally", "_", ["zed_100%@acme.test"]],
    ["nothing in another directory", "carl", []],
  ])("searches %s", async (_label, search, expected) => {
    const page = await listDirectoryUsers(database().db, okta, { search });
    expect(page.users.map((u) => u.name)).toEqual(expected);
  });

  it("says when a member's role comes from the directory's group mappings", async () => {
    const directory = await newDirectory(okta.workspaceId);
    const dana = await provision(directory, "dana@acme.test", "Dana Scully");
    const group = await directory.client.post("/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Auditors", members: [{ value: dana }] });
    await setGroupMapping(database().db, { workspaceId: directory.workspaceId, directoryId: directory.id, groupId: String(group.body.id), role: "viewer" });

    expect((await listDirectoryUsers(database().db, directory)).users).toEqual([expect.objectContaining({ id: dana, role: "viewer", roleManagedByDirectory: true })]);
  });

  it("ignores a forged cursor and refuses an unknown status", async () => {
    expect((await listDirectoryUsers(database().db, okta, { cursor: "not-a-cursor" })).users).toHaveLength(4);
    await expect(listDirectoryUsers(database().db, okta, { status: "deleted" as "active" })).rejects.toThrow();
  });
});

describe("listDirectoryUsers at volume", () => {
  const total = 1_200;

  beforeAll(async () => {
    // Bulk-inserted as SCIM provisioning stores them (each is one POST /Users otherwise), with
    // clusters of equal names and a mix of statuses to page across.
    const now = Date.now();
    await database().db.insert(members).values(
      Array.from({ length: total }, (_, i) => ({
        workspaceId: contractors.workspaceId,
        directoryId: contractors.id,
        source: "scim" as const,
        userName: `bulk${i}@acme.test`,
        email: `bulk${i}@acme.test`,
        displayName: i % 10 === 0 ? "Same Name" : `Person ${String(i % 97).padStart(2, "0")}`,
        status: i % 3 === 0 ? ("suspended" as const) : ("active" as const),
        directoryRemovedAt: i % 6 === 0 ? new Date(now) : null,
        purgeAfter: i % 6 === 0 ? new Date(now + 90 * 86_400_000) : null,
      })),
    );
  });

  it("pages every member exactly once, in a stable name order, even where names tie", async () => {
    const pages = await allPages(contractors, { limit: 100 });
    const listed = pages.flat();
    expect(pages.slice(0, -1).every((p) => p.length === 100)).toBe(true);
    expect(listed).toHaveLength(total + 1);
    expect(new Set(listed.map((u) => u.id)).size).toBe(total + 1);
    const keys = listed.map((u) => [u.name.toLowerCase(), u.id] as const);
    const sorted = [...keys].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1));
    expect(keys).toEqual(sorted);
    expect((await allPages(contractors, { limit: 37 })).flat().map((u) => u.id)).toEqual(listed.map((u) => u.id));
  });

  it("pages a status filter and a search through every match once", async () => {
    const pending = (await allPages(contractors, { status: "pending_purge", limit: 30 })).flat();
    expect(pending).toHaveLength(total / 6);
    expect(pending.every((u) => u.status === "pending_purge" && u.purgeAfter !== null)).toBe(true);
    const suspended = (await allPages(contractors, { status: "suspended", limit: 30 })).flat();
    expect(suspended).toHaveLength(total / 3 - total / 6);
    const active = (await allPages(contractors, { status: "active", limit: 30 })).flat();
    expect(active).toHaveLength(total - total / 3 + 1);

    const same = (await allPages(contractors, { search: "same name", limit: 7 })).flat();
    expect(same).toHaveLength(total / 10);
    expect(new Set(same.map((u) => u.id)).size).toBe(total / 10);
  });
});
