import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory, type ScimClient } from "@/test/scim";
import { GET as getMembers } from "./[groupId]/members/route";
import { GET as getGroups } from "./route";

const session = vi.hoisted(() => ({ userId: undefined as string | undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const database = setUpTestDatabase();
let acme: SeededAcme;
const directories: Record<"okta" | "contractors" | "globex", string> = { okta: "", contractors: "", globex: "" };
const groups: Record<"engineering" | "backend" | "contractorsGroup" | "globexGroup", string> = { engineering: "", backend: "", contractorsGroup: "", globexGroup: "" };

const base = "http://localhost/api/console/directories";
const listGroups = (directoryId: string, query = "") => getGroups(new Request(`${base}/${directoryId}/groups${query}`), { params: Promise.resolve({ directoryId }) });
const listMembers = (directoryId: string, groupId: string, query = "") =>
  getMembers(new Request(`${base}/${directoryId}/groups/${groupId}/members${query}`), { params: Promise.resolve({ directoryId, groupId }) });

async function createGroup(client: ScimClient, displayName: string, memberIds: string[] = []): Promise<string> {
  const reply = await client.post("/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName, members: memberIds.map((value) => ({ value })) });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

beforeAll(async () => {
  const db = database().db;
  acme = await seedAcme(db);
  const okta = await createScimDirectory(db, acme.workspaceId);
  const contractors = await createScimDirectory(db, acme.workspaceId);
  const [globexWorkspace] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 5 }).returning();
  const globex = await createScimDirectory(db, globexWorkspace!.id);
  Object.assign(directories, { okta: okta.directoryId, contractors: contractors.directoryId, globex: globex.directoryId });

  const ada = await okta.client.post("/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: "ada@acme.test", displayName: "Ada Lovelace" });
  groups.backend = await createGroup(okta.client, "Backend");
  groups.engineering = await createGroup(okta.client, "Engineering", [String(ada.body.id), groups.backend]);
  groups.contractorsGroup = await createGroup(contractors.client, "Contractors");
  groups.globexGroup = await createGroup(globex.client, "Globex staff");
});

beforeEach(() => {
  session.userId = acme.ownerUserId;
});

describe("GET /api/console/directories/{directoryId}/groups", () => {
  it("answers the directory's groups with their member counts", async () => {
    const response = await listGroups(directories.okta);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { groups: { displayName: string; userCount: number; groupCount: number }[] };
    expect(body.groups.map((g) => [g.displayName, g.userCount, g.groupCount])).toEqual([
      ["Backend", 0, 0],
      ["Engineering", 1, 1],
    ]);
  });

  it("answers 404 for another workspace's directory, and 401 when signed out", async () => {
    expect((await listGroups(directories.globex)).status).toBe(404);
    session.userId = undefined;
    expect((await listGroups(directories.okta)).status).toBe(401);
  });
});

describe("GET /api/console/directories/{directoryId}/groups/{groupId}/members", () => {
  it("answers the group's nested groups and users", async () => {
    const response = await listMembers(directories.okta, groups.engineering, "?limit=10");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { members: { type: string; name: string }[] };
    expect(body.members.map((m) => [m.type, m.name])).toEqual([
      ["group", "Backend"],
      ["user", "Ada Lovelace"],
    ]);
  });

  it("answers 404 for a group of another directory, even of the same workspace, and for another workspace's directory", async () => {
    const contractorsGroup = await listMembers(directories.okta, groups.contractorsGroup);
    expect(contractorsGroup.status).toBe(404);
    expect(await contractorsGroup.json()).toEqual({ error: "Group not found." });
    expect((await listMembers(directories.okta, "not-a-uuid")).status).toBe(404);
    expect((await listMembers(directories.globex, groups.globexGroup)).status).toBe(404);
  });

  it("answers 400 for a page size out of range", async () => {
    expect((await listMembers(directories.okta, groups.engineering, "?limit=1000")).status).toBe(400);
  });
});
