import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { directoryConnections, directoryGroups, members, workspaces, type NewMember } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createDirectory } from "./create-directory";
import { directoryOverview } from "./directory-overview";

const database = setUpTestDatabase();
let acme: SeededAcme;

beforeAll(async () => {
  acme = await seedAcme(database().db);
});

function person(workspaceId: string, userName: string, extra: Partial<NewMember> = {}): NewMember {
  return { workspaceId, userName, email: userName, emails: [{ value: userName, type: "work", primary: true }], source: "scim", ...extra };
}

describe("directoryOverview", () => {
  it("lists a workspace's directories, oldest first, with provisioned users and groups counted per directory", async () => {
    const { db } = database();
    expect(await directoryOverview(db, acme.workspaceId)).toEqual([]);

    const okta = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "okta", name: "Staff" });
    const generic = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "generic", name: "Contractors" });
    const lastRequestAt = new Date("2030-01-02T03:04:05Z");
    await db
      .update(directoryConnections)
      .set({ lastRequestAt, lastRequestStatus: 201, lastRequestUserAgent: "Okta SCIM Client 1.0.0" })
      .where(eq(directoryConnections.id, okta.directory.id));

    const oktaId = okta.directory.id;
    await db.insert(members).values([
      person(acme.workspaceId, "ada@acme.test", { directoryId: oktaId }),
      person(acme.workspaceId, "ben@acme.test", { directoryId: oktaId }),
      // Deactivated by the directory: still provisioned, counted, and reported as suspended.
      person(acme.workspaceId, "cy@acme.test", { directoryId: oktaId, status: "suspended" }),
      // Removed by the directory (SCIM DELETE): no longer the directory's.
      person(acme.workspaceId, "dee@acme.test", { directoryId: oktaId, status: "suspended", directoryRemovedAt: new Date() }),
      // Another directory's, and a manual member nobody manages.
      person(acme.workspaceId, "eve@acme.test", { directoryId: generic.directory.id }),
      person(acme.workspaceId, "fay@acme.test", { source: "manual" }),
    ]);
    await db.insert(directoryGroups).values([
      { directoryId: oktaId, displayName: "Engineering" },
      { directoryId: oktaId, displayName: "Sales" },
      { directoryId: oktaId, displayName: "Everyone" },
    ]);

    const overview = await directoryOverview(db, acme.workspaceId);

    expect(overview).toEqual([
      {
        id: oktaId,
        name: "Staff",
        idpType: "okta",
        state: "active",
        createdAt: new Date(okta.directory.createdAt).toISOString(),
        lastRequestAt: lastRequestAt.toISOString(),
        lastRequestStatus: 201,
        lastRequestUserAgent: "Okta SCIM Client 1.0.0",
        userCount: 3,
        suspendedUserCount: 1,
        groupCount: 3,
      },
      {
        id: generic.directory.id,
        name: "Contractors",
        idpType: "generic",
        state: "active",
        createdAt: new Date(generic.directory.createdAt).toISOString(),
        lastRequestAt: null,
        lastRequestStatus: null,
        lastRequestUserAgent: null,
        userCount: 1,
        suspendedUserCount: 0,
        groupCount: 0,
      },
    ]);
    expect(JSON.stringify(overview)).not.toContain(okta.token);
  });

  it("never shows another workspace's directories, users or groups", async () => {
    const { db } = database();
    const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 5 }).returning();
    const entra = await createDirectory(db, { workspaceId: globex!.id, idpType: "entra" });
    await db.insert(members).values(person(globex!.id, "gus@globex.test", { directoryId: entra.directory.id }));
    await db.insert(directoryGroups).values({ directoryId: entra.directory.id, displayName: "Globex staff" });

    const globexOverview = await directoryOverview(db, globex!.id);
    expect(globexOverview).toHaveLength(1);
    expect(globexOverview[0]).toMatchObject({ id: entra.directory.id, name: "Microsoft Entra ID", idpType: "entra", userCount: 1, groupCount: 1 });

    const acmeOverview = await directoryOverview(db, acme.workspaceId);
    expect(acmeOverview.map((d) => d.id)).not.toContain(entra.directory.id);
    expect(acmeOverview.map((d) => [d.userCount, d.groupCount])).toEqual([
      [3, 3],
      [1, 0],
    ]);
  });
});
