import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { members, users, workspaces } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory } from "@/test/scim";
import { GET as listRoute } from "../route";
import { GET as exportRoute } from "./route";

const session = vi.hoisted(() => ({ userId: undefined as string | undefined }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));

const database = setUpTestDatabase();
let acme: SeededAcme;
let globexDirectoryId: string;
let viewerUserId: string;

beforeAll(async () => {
  const { db } = database();
  acme = await seedAcme(db);
  await createScimDirectory(db, acme.workspaceId, "okta");
  const [globex] = await db.insert(workspaces).values({ slug: "globex", name: "Globex", seatLimit: 10 }).returning();
  ({ directoryId: globexDirectoryId } = await createScimDirectory(db, globex!.id, "entra"));
  const [viewer] = await db.insert(users).values({ email: "viewer@acme.test" }).returning();
  viewerUserId = viewer!.id;
  await db.insert(members).values({ workspaceId: acme.workspaceId, userId: viewerUserId, userName: "viewer@acme.test", email: "viewer@acme.test", role: "viewer" });
});

beforeEach(() => {
  session.userId = acme.ownerUserId;
});

const get = (route: typeof exportRoute, query: string) => route(new Request(`http://localhost:3000/api/console/activity/export?${query}`), undefined as never);

describe("GET /api/console/activity/export", () => {
  it("downloads the admin's workspace's filtered log as a dated CSV attachment", async () => {
    const response = await get(exportRoute, "kind=admin");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="rollcall-activity-\d{4}-\d\d-\d\d\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toMatch(/^id,time,kind,action,summary,/);
    expect(lines.slice(1, -1).map((line) => line.split(",")[3])).toEqual(["directory.created"]);
    expect(lines.at(-1)).toBe("");
  });

  it("finds nothing through another workspace's directory id", async () => {
    const lines = (await (await get(exportRoute, `directoryId=${globexDirectoryId}`)).text()).split("\r\n");
    expect(lines.slice(1)).toEqual([""]);
  });

  it("refuses an invalid filter, a signed-out caller and a non-admin", async () => {
    expect((await get(exportRoute, "kind=everything")).status).toBe(400);
    session.userId = viewerUserId;
    expect((await get(exportRoute, "")).status).toBe(403);
    session.userId = undefined;
    expect((await get(exportRoute, "")).status).toBe(401);
  });
});

describe("GET /api/console/activity", () => {
  it("answers one page of the admin's workspace as JSON, with a cursor to the next", async () => {
    const first = await get(listRoute, "limit=1");
    expect(first.status).toBe(200);
    const page = (await first.json()) as { events: { action: string }[]; nextCursor: string | null };
    expect(page.events.map((e) => e.action)).toEqual(["token.created"]);
    const second = (await (await get(listRoute, `limit=1&cursor=${page.nextCursor}`)).json()) as typeof page;
    expect(second).toMatchObject({ events: [{ action: "directory.created" }], nextCursor: null });
    expect((await get(listRoute, "limit=1000")).status).toBe(400);
  });
});
