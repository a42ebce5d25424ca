import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activityEvents, members, workspaces } from "@/db/schema";
import { seedAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory, scimFetch } from "@/test/scim";
import { profileNames } from "./profile-names";
import { runSimulation } from "./run-simulation";

const database = setUpTestDatabase();
let workspaceId: string;

beforeAll(async () => {
  const { db } = database();
  ({ workspaceId } = await seedAcme(db));
  await db.update(workspaces).set({ seatLimit: 1000 }).where(eq(workspaces.id, workspaceId));
});

describe("every IdP profile's replay against the SCIM API", () => {
  it.each(profileNames)("%s: every step succeeds and leaves an activity trail", async (profile) => {
    const { db } = database();
    const { directoryId, token } = await createScimDirectory(db, workspaceId, profile === "generic" ? "generic" : profile);
    const report = await runSimulation({
      profile,
      baseUrl: `http://localhost:3000/scim/v2/${directoryId}`,
      token,
      users: 6,
      groups: 2,
      members: 4,
      domain: "acme.test",
      fetch: scimFetch,
    });
    const failures = report.steps.filter((step) => !step.ok).map((step) => `${step.method} ${step.path} → ${step.status}: ${step.detail}`);
    expect(failures).toEqual([]);
    expect(report.passed).toBeGreaterThan(20);

    const events = await db.select().from(activityEvents).where(eq(activityEvents.directoryId, directoryId));
    expect(events.filter((e) => e.kind === "scim_request").length).toBeGreaterThanOrEqual(report.passed - 5);
    const provisioned = await db.select().from(members).where(eq(members.directoryId, directoryId));
    expect(provisioned.length).toBeGreaterThan(0);
  });
});
