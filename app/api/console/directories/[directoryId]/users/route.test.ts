import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { members, users, workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory } from "@/test/scim";
import { GET } from "./route";

const session = vi.hoisted(() => ({ userId: undefined as string | undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const database = setUpTestDatabase();
let acme: SeededAcme;
let acmeDirectoryId: string;
let globexDirectoryId: string;

const get = (directoryId: string, query = "") =>
  GET(new Request(`http://localhost/api/console/directories/${directoryId}/users${query}`), { params: Promise.resolve({ directoryId }) });

beforeAll(async () => {
  const db = database().db;
  acme = await seedAcme(db);
  const acmeDirectory = await createScimDirectory(db, acme.workspaceId);
  acmeDirectoryId = acmeDirectory.directoryId;
  const created = await acmeDirectory.client.post("/Users", {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: "ada@acme.test",
    displayName: "Ada Lovelace",
    emails: [{ value: "ada@acme.test", primary: true }],
  });
  expect(created.status).toBe(201);
  const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 5 }).returning();
  globexDirectoryId = (await createScimDirectory(db, globex!.id)).directoryId;
});

beforeEach(() => {
  session.userId = acme.ownerUserId;
});

describe("GET /api/console/directories/{directoryId}/users", () => {
  it("answers a page of the directory's members to a workspace admin", async () => {
    const response = await get(acmeDirectoryId, "?status=active&search=ada");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ users: [{ name: "Ada Lovelace", status: "active", source: "scim" }], nextCursor: null });
  });

  it("answers 404 for another workspace's directory and for a malformed id", async () => {
    for (const id of [globexDirectoryId, "not-a-uuid", crypto.randomUUID()]) {
      const response = await get(id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: "Directory not found." });
    }
  });

  it("answers 400 for an unknown status", async () => {
    expect((await get(acmeDirectoryId, "?status=deleted")).status).toBe(400);
  });

  it("refuses the signed-out (401) and members who are not admins (403)", async () => {
    session.userId = undefined;
    expect((await get(acmeDirectoryId)).status).toBe(401);

    const db = database().db;
    const [user] = await db.insert(users).values({ email: "priya.shah@acme.test" }).returning();
    await db.update(members).set({ userId: user!.id }).where(eq(members.email, "priya.shah@acme.test"));
    session.userId = user!.id;
    expect((await get(acmeDirectoryId)).status).toBe(403);
  });
});
