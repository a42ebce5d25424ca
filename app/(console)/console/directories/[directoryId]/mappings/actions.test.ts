import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { groupMappings, teamMembers, teams, workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory, type ScimClient } from "@/test/scim";
import { removeMappingAction, saveMappingAction } from "./actions";

const session = vi.hoisted(() => ({ userId: undefined as string | undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
const refresh = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ refresh }));

const database = setUpTestDatabase();
let acme: SeededAcme;
let directoryId: string;
let globexDirectoryId: string;
const groups = { backend: "", admins: "", design: "", globex: "" };

async function createGroup(client: ScimClient, displayName: string, memberIds: string[] = []): Promise<string> {
  const reply = await client.post("/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName, members: memberIds.map((value) => ({ value })) });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

async function createUser(client: ScimClient, userName: string): Promise<string> {
  const reply = await client.post("/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, active: true });
  expect(reply.status).toBe(201);
  return String(reply.body.id);
}

const teamsNamed = (name: string) => database().db.select().from(teams).where(and(eq(teams.workspaceId, acme.workspaceId), eq(teams.name, name)));
const mappingOf = async (groupId: string) => (await database().db.select().from(groupMappings).where(eq(groupMappings.groupId, groupId)))[0] ?? null;
const noTeam = { kind: "none" } as const;

beforeAll(async () => {
  const db = database().db;
  acme = await seedAcme(db);
  const okta = await createScimDirectory(db, acme.workspaceId, "okta");
  directoryId = okta.directoryId;
  const ada = await createUser(okta.client, "ada@acme.test");
  const grace = await createUser(okta.client, "grace@acme.test");
  groups.backend = await createGroup(okta.client, "Backend", [ada, grace]);
  groups.admins = await createGroup(okta.client, "IT admins", [ada]);
  groups.design = await createGroup(okta.client, "Design", [grace]);
  await db.insert(teams).values({ workspaceId: acme.workspaceId, name: "design" });

  const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 5 }).returning();
  const other = await createScimDirectory(db, globex!.id);
  globexDirectoryId = other.directoryId;
  groups.globex = await createGroup(other.client, "Globex staff");
});

beforeEach(() => {
  session.userId = acme.ownerUserId;
  refresh.mockClear();
});

describe("saveMappingAction", () => {
  it("creates a team named after the group (the seed has Engineering and Sales), maps the group to it and answers the counts", async () => {
    const result = await saveMappingAction({ directoryId, groupId: groups.backend, team: { kind: "new", name: "Backend" }, role: "member", isAdminGroup: false, moveAdminGroup: false });

    expect(result).toEqual({ ok: true, data: { outcome: "saved", access: expect.objectContaining({ members: 2, teamRowsAdded: 2 }) } });
    const [team] = await teamsNamed("Backend");
    expect(await mappingOf(groups.backend)).toMatchObject({ teamId: team!.id, role: "member", isAdminGroup: false });
    expect(await database().db.select().from(teamMembers).where(eq(teamMembers.teamId, team!.id))).toHaveLength(2);
    expect(refresh).toHaveBeenCalled();
  });

  it("never merges a group into a team whose name matches ignoring case: it answers the existing team and writes nothing", async () => {
    const result = await saveMappingAction({ directoryId, groupId: groups.design, team: { kind: "new", name: "Design" }, role: null, isAdminGroup: false, moveAdminGroup: false });

    const [existing] = await database().db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.name, "design"));
    expect(result).toEqual({ ok: true, data: { outcome: "team-name-taken", existingTeam: existing } });
    expect(await teamsNamed("Design")).toEqual([]);
    expect(await mappingOf(groups.design)).toBeNull();
  });

  it("maps to the existing team when the admin picks it", async () => {
    const [existing] = await database().db.select({ id: teams.id }).from(teams).where(eq(teams.name, "design"));

    const result = await saveMappingAction({ directoryId, groupId: groups.design, team: { kind: "existing", teamId: existing!.id }, role: null, isAdminGroup: false, moveAdminGroup: false });

    expect(result.ok).toBe(true);
    expect(await mappingOf(groups.design)).toMatchObject({ teamId: existing!.id, role: null });
  });

  it("shows the engine's refusal and keeps no team created for a mapping that failed", async () => {
    expect(await saveMappingAction({ directoryId, groupId: groups.admins, team: noTeam, role: null, isAdminGroup: true, moveAdminGroup: false })).toMatchObject({ ok: true });

    const result = await saveMappingAction({ directoryId, groupId: groups.backend, team: { kind: "new", name: "Platform" }, role: null, isAdminGroup: true, moveAdminGroup: false });

    expect(result).toEqual({ ok: false, error: expect.stringContaining('"IT admins" is the admin group of this directory') });
    expect(await teamsNamed("Platform")).toEqual([]);
  });

  it("moves the admin group when the admin confirms it", async () => {
    const result = await saveMappingAction({ directoryId, groupId: groups.backend, team: noTeam, role: null, isAdminGroup: true, moveAdminGroup: true });

    expect(result.ok).toBe(true);
    expect(await mappingOf(groups.backend)).toMatchObject({ isAdminGroup: true });
    expect(await mappingOf(groups.admins)).toBeNull();
  });

  it("refuses another workspace's directory and a mapping that maps nothing", async () => {
    expect(await saveMappingAction({ directoryId: globexDirectoryId, groupId: groups.globex, team: noTeam, role: "viewer", isAdminGroup: false, moveAdminGroup: false })).toEqual({
      ok: false,
      error: "This directory does not exist in your workspace.",
    });
    expect(await saveMappingAction({ directoryId, groupId: groups.admins, team: noTeam, role: null, isAdminGroup: false, moveAdminGroup: false })).toEqual({
      ok: false,
      error: expect.stringContaining("Map the group to a team, a role"),
    });
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe("removeMappingAction", () => {
  it("removes the mapping and answers the counts; a second removal changes nothing", async () => {
    expect(await removeMappingAction({ directoryId, groupId: groups.design })).toEqual({ ok: true, data: { outcome: "saved", access: expect.objectContaining({ members: 1 }) } });
    expect(await mappingOf(groups.design)).toBeNull();
    expect(await removeMappingAction({ directoryId, groupId: groups.design })).toEqual({ ok: true, data: { outcome: "saved", access: null } });
  });

  it("refuses a group of another directory with the engine's message", async () => {
    expect(await removeMappingAction({ directoryId, groupId: groups.globex })).toEqual({ ok: false, error: expect.stringContaining("does not exist in this directory") });
  });
});
