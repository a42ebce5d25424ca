import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { teams, workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createTeam, TeamNameTakenError } from "./create-team";

const database = setUpTestDatabase();
let acme: SeededAcme;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

describe("createTeam", () => {
  it("creates a team in the workspace, with its name trimmed", async () => {
    const { db } = database();

    const team = await createTeam(db, { workspaceId: acme.workspaceId, name: "  Platform  " });

    expect(team.name).toBe("Platform");
    expect(await db.select().from(teams).where(eq(teams.id, team.id))).toEqual([expect.objectContaining({ workspaceId: acme.workspaceId, name: "Platform" })]);
  });

  it("refuses a name taken in the workspace ignoring case, naming the existing team, and creates nothing", async () => {
    const { db } = database();
    const existing = await createTeam(db, { workspaceId: acme.workspaceId, name: "Design" });
    const before = await db.select({ id: teams.id }).from(teams);

    const error = await createTeam(db, { workspaceId: acme.workspaceId, name: "dESIGN" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TeamNameTakenError);
    expect((error as TeamNameTakenError).existingTeam).toEqual(existing);
    expect((error as TeamNameTakenError).message).toBe('A team named "Design" already exists in this workspace.');
    expect(await db.select({ id: teams.id }).from(teams)).toEqual(before);
  });

  it("leaves the caller's transaction usable after a taken name", async () => {
    const { db } = database();
    await createTeam(db, { workspaceId: acme.workspaceId, name: "Support" });

    const created = await db.transaction(async (tx) => {
      await expect(createTeam(tx, { workspaceId: acme.workspaceId, name: "SUPPORT" })).rejects.toBeInstanceOf(TeamNameTakenError);
      return createTeam(tx, { workspaceId: acme.workspaceId, name: "Support 2" });
    });

    expect(created.name).toBe("Support 2");
  });

  it("allows the same name in another workspace", async () => {
    const { db } = database();
    const [other] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning();
    await createTeam(db, { workspaceId: acme.workspaceId, name: "Finance" });

    const team = await createTeam(db, { workspaceId: other!.id, name: "finance" });

    expect(team.name).toBe("finance");
  });

  it("refuses an empty name", async () => {
    await expect(createTeam(database().db, { workspaceId: acme.workspaceId, name: "   " })).rejects.toThrow("Name the team.");
  });
});
