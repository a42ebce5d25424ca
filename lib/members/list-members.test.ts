import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { members, teamMembers, teams, workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { listTeams } from "@/lib/teams/list-teams";
import { seatUsage } from "@/lib/workspaces/seat-usage";
import { listMembers } from "./list-members";

const database = setUpTestDatabase();
let acme: SeededAcme;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

describe("listMembers", () => {
  it("lists the workspace's members by name with role, status, source and teams", async () => {
    const page = await listMembers(database().db, acme.workspaceId);
    expect(page.members.map((m) => m.name)).toEqual(["Lena Novak", "Marcus Chen", "Olivia Park", "Priya Shah", "Tom Becker"]);
    expect(page.members.find((m) => m.name === "Marcus Chen")).toMatchObject({
      email: "marcus.chen@acme.test",
      role: "admin",
      status: "active",
      source: "manual",
      directoryManaged: false,
      roleManagedByDirectory: false,
      teams: [{ name: "Engineering", fromDirectory: false }],
    });
    expect(page.members.find((m) => m.name === "Lena Novak")).toMatchObject({ status: "suspended", teams: [{ name: "Sales", fromDirectory: false }] });
    expect(page.members.find((m) => m.name === "Olivia Park")?.teams).toEqual([]);
    expect(page.nextCursor).toBeNull();
  });

  it.each([
    ["part of a name, any case", "CHEN", ["Marcus Chen"]],
    ["part of an email", "priya.s", ["Priya Shah"]],
    ["LIKE wildcards literally", "%", []],
    ["an underscore literally", "_", []],
  ])("searches %s", async (_label, search, expected) => {
    const page = await listMembers(database().db, acme.workspaceId, { search });
    expect(page.members.map((m) => m.name)).toEqual(expected);
  });

  it("pages with a cursor, without gaps or repeats, even when names tie", async () => {
    const db = database().db;
    await db.insert(members).values(
      Array.from({ length: 7 }, (_, i) => ({ workspaceId: acme.workspaceId, userName: `twin${i}@acme.test`, email: `twin${i}@acme.test`, displayName: "Same Name" })),
    );
    const all = (await listMembers(db, acme.workspaceId, { limit: 100 })).members.map((m) => m.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMembers(db, acme.workspaceId, { limit: 3, cursor });
      expect(page.members.length).toBeLessThanOrEqual(3);
      paged.push(...page.members.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(all).toHaveLength(12);
  });

  it("never shows another workspace's members, and ignores a forged cursor", async () => {
    const db = database().db;
    const [other] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 5 }).returning();
    await db.insert(members).values({ workspaceId: other!.id, userName: "hank@globex.test", email: "hank@globex.test", displayName: "Hank Scorpio" });
    const acmeNames = (await listMembers(db, acme.workspaceId, { limit: 100 })).members.map((m) => m.name);
    expect(acmeNames).not.toContain("Hank Scorpio");
    expect((await listMembers(db, other!.id)).members.map((m) => m.name)).toEqual(["Hank Scorpio"]);
    expect((await listMembers(db, other!.id, { cursor: "not-a-cursor" })).members).toHaveLength(1);
  });
});

describe("listTeams and seatUsage", () => {
  it("counts team members and seats, where suspended members use no seat", async () => {
    const db = database().db;
    const before = await seatUsage(db, acme.workspaceId);
    expect(await listTeams(db, acme.workspaceId)).toEqual([
      expect.objectContaining({ name: "Engineering", memberCount: 2 }),
      expect.objectContaining({ name: "Sales", memberCount: 2 }),
    ]);
    await db.update(members).set({ status: "suspended" }).where(eq(members.email, "priya.shah@acme.test"));
    expect(await seatUsage(db, acme.workspaceId)).toEqual({ used: before.used - 1, limit: 50 });
  });

  it("tells which team memberships and roles a directory's group mappings gave", async () => {
    const db = database().db;
    const [tom] = await db.update(members).set({ role: "admin", roleManagedByDirectory: true }).where(eq(members.email, "tom.becker@acme.test")).returning({ id: members.id });
    const [engineering] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, acme.workspaceId), eq(teams.name, "Engineering")));
    await db.insert(teamMembers).values({ teamId: engineering!.id, memberId: tom!.id, source: "directory" });

    const listed = (await listMembers(db, acme.workspaceId)).members.find((m) => m.id === tom!.id);
    expect(listed).toMatchObject({
      role: "admin",
      roleManagedByDirectory: true,
      teams: [
        { name: "Engineering", fromDirectory: true },
        { name: "Sales", fromDirectory: false },
      ],
    });
    expect(await listTeams(db, acme.workspaceId)).toEqual([
      expect.objectContaining({ name: "Engineering", memberCount: 3, directoryMemberCount: 1 }),
      expect.objectContaining({ name: "Sales", memberCount: 2, directoryMemberCount: 0 }),
    ]);
  });
});
