import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { members, workspaces } from "@/db/schema";
import { setUpTestDatabase } from "@/test/database";
import { createScimDirectory, freshScimDirectory, patchOp, type ScimClient, type ScimReply } from "@/test/scim";

const database = setUpTestDatabase();
const userSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const errorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

let client: ScimClient;
let workspaceId: string;
let directoryId: string;

beforeEach(async () => {
  ({ workspaceId, client, directoryId } = await freshScimDirectory(database().db, "entra"));
});

const person = (name: string, overrides: Record<string, unknown> = {}) => ({
  schemas: [userSchema],
  userName: `${name}@acme.test`,
  name: { givenName: name, familyName: "Tester" },
  displayName: `${name} Tester`,
  emails: [{ primary: true, type: "work", value: `${name}@acme.test` }],
  active: true,
  ...overrides,
});

async function create(name: string, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string }> {
  const reply = await client.post("/Users", person(name, overrides));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return { ...reply.body, id: String(reply.body.id) };
}

async function read(id: string): Promise<ScimReply> {
  const reply = await client.get(`/Users/${id}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply;
}

const filterUsers = (filter: string) => client.get(`/Users?filter=${encodeURIComponent(filter)}`);
const idsOf = (reply: ScimReply) => (reply.body.Resources ?? []).map((r) => String(r.id)).sort();

async function workspace() {
  const { db } = database();
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return row!;
}

async function memberRow(id: string) {
  const { db } = database();
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row!;
}

describe("Workspace rules on provisioning", () => {
  it("refuses an email outside the verified domains (400 naming them) and creates nothing", async () => {
    const { db } = database();
    await db.update(workspaces).set({ verifiedDomains: ["acme.test", "acme.example"] }).where(eq(workspaces.id, workspaceId));

    const reply = await client.post("/Users", person("mallory", { userName: "mallory@gmail.com", emails: [{ primary: true, type: "work", value: "mallory@gmail.com" }] }));
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ schemas: [errorSchema], status: "400", scimType: "invalidValue" });
    expect(String(reply.body.detail)).toContain("acme.test");
    expect(String(reply.body.detail)).toContain("acme.example");
    expect(String(reply.body.detail)).toContain("gmail.com");
    expect((await filterUsers('userName eq "mallory@gmail.com"')).body.totalResults).toBe(0);
    const rows = await db.select().from(members).where(sql`lower(${members.email}) = 'mallory@gmail.com'`);
    expect(rows).toHaveLength(0);

    // The domain is compared ignoring case.
    const upper = await client.post("/Users", person("bob", { userName: "Bob@ACME.Example", emails: [{ primary: true, value: "Bob@ACME.Example" }] }));
    expect(upper.status).toBe(201);
  });

  it("refuses a PATCH that moves the email to an unverified domain and keeps the old one", async () => {
    const { db } = database();
    await db.update(workspaces).set({ verifiedDomains: ["acme.test"] }).where(eq(workspaces.id, workspaceId));
    const alice = await create("alice");
    const reply = await client.patch(`/Users/${alice.id}`, patchOp({ op: "Replace", path: 'emails[type eq "work"].value', value: "alice@evil.example" }));
    expect(reply.status).toBe(400);
    expect((await read(alice.id)).body.emails).toEqual([{ primary: true, type: "work", value: "alice@acme.test" }]);
  });

  it("refuses a new active user when the seat limit is reached (409 saying so); a suspended user takes no seat", async () => {
    const { db } = database();
    const { seatsUsed } = await workspace();
    await db.update(workspaces).set({ seatLimit: seatsUsed + 1 }).where(eq(workspaces.id, workspaceId));

    await create("first");
    expect((await workspace()).seatsUsed).toBe(seatsUsed + 1);

    const full = await client.post("/Users", person("second"));
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ schemas: [errorSchema], status: "409" });
    expect(String(full.body.detail)).toMatch(/seat/i);
    expect((await filterUsers('userName eq "second@acme.test"')).body.totalResults).toBe(0);

    const suspended = await client.post("/Users", person("third", { active: false }));
    expect(suspended.status).toBe(201);
    expect(suspended.body.active).toBe(false);
    expect((await workspace()).seatsUsed).toBe(seatsUsed + 1);

    // Activating the suspended user would need a seat: refused, and it stays suspended.
    const activate = await client.patch(`/Users/${suspended.body.id}`, patchOp({ op: "replace", value: { active: true } }));
    expect(activate.status).toBe(409);
    expect(String(activate.body.detail)).toMatch(/seat/i);
    expect((await read(String(suspended.body.id))).body.active).toBe(false);
  });

  it("links an existing member no directory manages when the email matches: same id, source scim, no duplicate", async () => {
    const { db } = database();
    const [priya] = await db.select().from(members).where(and(eq(members.workspaceId, workspaceId), eq(members.email, "priya.shah@acme.test")));
    expect(priya).toMatchObject({ source: "manual", directoryId: null });

    const reply = await client.post("/Users", person("pshah", { externalId: "entra-object-1", emails: [{ primary: true, type: "work", value: "priya.shah@acme.test" }] }));
    expect(reply.status).toBe(201);
    expect(reply.body.id).toBe(priya!.id);
    expect(reply.body).toMatchObject({ userName: "pshah@acme.test", externalId: "entra-object-1" });

    const linked = await memberRow(priya!.id);
    expect(linked).toMatchObject({ source: "scim", directoryId, role: priya!.role });
    const same = await db.select().from(members).where(sql`lower(${members.email}) = 'priya.shah@acme.test'`);
    expect(same).toHaveLength(1);
    expect((await filterUsers('externalId eq "entra-object-1"')).body.totalResults).toBe(1);
  });

  it("does not take over a member another directory manages (409), which keeps it", async () => {
    const { db } = database();
    const other = await createScimDirectory(db, workspaceId, "okta");
    const created = await other.client.post("/Users", person("bob"));
    expect(created.status).toBe(201);

    const takeover = await client.post("/Users", person("robert", { emails: [{ primary: true, type: "work", value: "bob@acme.test" }] }));
    expect(takeover.status).toBe(409);
    expect(String(takeover.body.detail)).toMatch(/another directory/i);

    expect(await memberRow(String(created.body.id))).toMatchObject({ directoryId: other.directoryId, userName: "bob@acme.test" });
    expect((await other.client.get(`/Users/${created.body.id}`)).status).toBe(200);
    expect((await client.get("/Users")).body.totalResults).toBe(0);
  });
});

describe("PUT", () => {
  it("replaces the user: omitted attributes are cleared, an omitted active keeps the status", async () => {
    const alice = await create("alice", { title: "Engineer", nickName: "Al", externalId: "ext-1", [enterprise]: { department: "R&D" } });
    await client.patch(`/Users/${alice.id}`, patchOp({ op: "replace", value: { active: false } }));

    const withoutActive: Record<string, unknown> = person("alice", { displayName: "Alice T." });
    delete withoutActive.active;
    const reply = await client.put(`/Users/${alice.id}`, withoutActive);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ displayName: "Alice T.", active: false });
    expect(reply.body).not.toHaveProperty("title");
    expect(reply.body).not.toHaveProperty("nickName");
    expect(reply.body).not.toHaveProperty("externalId");
    expect(reply.body).not.toHaveProperty(enterprise);

    const row = await memberRow(alice.id);
    expect(row).toMatchObject({ status: "suspended", title: null, nickName: null, externalId: null, department: null, displayName: "Alice T." });
  });

  it("accepts OneLogin's templated PUT: \"active\": \"false\" as a string and a manager with managerId", async () => {
    const boss = await create("boss");
    const alice = await create("alice");
    const reply = await client.put(`/Users/${alice.id}`, {
      ...person("alice"),
      active: "false",
      title: "",
      [enterprise]: { manager: { value: boss.id, managerId: boss.id, displayName: "boss Tester" }, department: "" },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.active).toBe(false);
    expect(reply.body[enterprise]).toMatchObject({ manager: { value: boss.id, displayName: "boss Tester" } });
    expect(await memberRow(alice.id)).toMatchObject({ status: "suspended", managerId: boss.id, title: null });
  });
});

describe("Entra manager and bundled PATCHes", () => {
  const managerPath = `${enterprise}:manager`;

  it("sets a manager given as a bare id, and removes it with Remove on the manager path", async () => {
    const boss = await create("boss");
    const alice = await create("alice");

    const set = await client.patch(`/Users/${alice.id}`, patchOp({ op: "Add", path: managerPath, value: boss.id }));
    expect(set.status).toBe(200);
    expect(set.body[enterprise]).toMatchObject({ manager: { value: boss.id, displayName: "boss Tester", $ref: `${client.baseUrl}/Users/${boss.id}` } });
    expect((await read(alice.id)).body[enterprise]).toMatchObject({ manager: { value: boss.id } });

    const removed = await client.patch(`/Users/${alice.id}`, patchOp({ op: "Remove", path: managerPath }));
    expect(removed.status).toBe(200);
    expect(JSON.stringify((await read(alice.id)).body)).not.toContain(boss.id);
    expect((await memberRow(alice.id)).managerId).toBeNull();
  });

  it("refuses a manager id that is not a user of the directory (400) and keeps the old manager", async () => {
    const boss = await create("boss");
    const alice = await create("alice", { [enterprise]: { manager: { value: boss.id } } });
    const unknown = "5d7c1a22-8b1e-4c44-9f1a-3a6b2c1d0e9f";
    const reply = await client.patch(`/Users/${alice.id}`, patchOp({ op: "Replace", path: managerPath, value: unknown }));
    expect(reply.status).toBe(400);
    expect(String(reply.body.detail)).toContain(unknown);
    expect((await memberRow(alice.id)).managerId).toBe(boss.id);
  });

  it("applies Entra's bundled PATCH: Replace displayName, lowercase remove of the manager, Replace active \"False\"", async () => {
    const boss = await create("boss");
    const alice = await create("alice", { [enterprise]: { manager: { value: boss.id } } });
    const reply = await client.patch(
      `/Users/${alice.id}`,
      patchOp(
        { op: "Replace", path: "displayName", value: "Alice (leaver)" },
        { op: "remove", path: managerPath },
        { op: "Replace", path: "active", value: "False" },
      ),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ displayName: "Alice (leaver)", active: false });
    expect(await memberRow(alice.id)).toMatchObject({ displayName: "Alice (leaver)", status: "suspended", managerId: null });
  });

  it("ignores unknown and read-only paths (200) while applying the real change", async () => {
    const alice = await create("alice");
    const reply = await client.patch(
      `/Users/${alice.id}`,
      patchOp(
        { op: "Replace", path: "id", value: "11111111-1111-4111-8111-111111111111" },
        { op: "Replace", path: "meta.lastModified", value: "2001-01-01T00:00:00Z" },
        { op: "Add", path: "roles", value: [{ value: "{\"id\":\"x\",\"value\":\"Admin\"}" }] },
        { op: "Add", path: "urn:ietf:params:scim:schemas:extension:CustomApp:2.0:User:costCode", value: "42" },
        { op: "Replace", path: "groups", value: [{ value: "11111111-1111-4111-8111-111111111111" }] },
        { op: "Replace", path: "title", value: "CTO" },
      ),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: alice.id, title: "CTO", groups: [] });
    expect(JSON.stringify(reply.body)).not.toContain("2001-01-01");
    expect((await read(alice.id)).body.title).toBe("CTO");
  });

  it("applies nothing when the second operation is invalid: version and attributes unchanged", async () => {
    const alice = await create("alice", { title: "Engineer" });
    const before = await read(alice.id);
    for (const invalid of [
      { op: "Replace", path: "active", value: "maybe" },
      { op: "frobnicate", path: "nickName", value: "x" },
      { op: "replace", path: 'emails[type eq "work"', value: "x" },
      { op: "add", path: "title" },
    ]) {
      const reply = await client.patch(`/Users/${alice.id}`, patchOp({ op: "Replace", path: "title", value: "CTO" }, invalid));
      expect(reply.status, JSON.stringify(invalid)).toBe(400);
      expect(reply.body).toMatchObject({ schemas: [errorSchema], status: "400" });
    }
    const after = await read(alice.id);
    expect(after.body).toEqual(before.body);
    expect(after.headers.get("etag")).toBe(before.headers.get("etag"));
    expect((await memberRow(alice.id)).version).toBe(1);
  });
});

describe("Filters IdPs send", () => {
  it("matches emails[type eq \"work\" and value co \"@acme\"] and Entra's emails[type eq \"work\"].value eq", async () => {
    const work = await create("alice");
    const home = await create("bob", { emails: [{ primary: true, type: "home", value: "bob@acme.test" }] });

    const complex = await filterUsers('emails[type eq "work" and value co "@acme"]');
    expect(complex.status).toBe(200);
    expect(idsOf(complex)).toEqual([work.id]);

    const entra = await filterUsers('emails[type eq "work"].value eq "ALICE@acme.test"');
    expect(entra.status).toBe(200);
    expect(idsOf(entra)).toEqual([work.id]);
    expect((await filterUsers('emails[type eq "work"].value eq "bob@acme.test"')).body.totalResults).toBe(0);
    expect(idsOf(await filterUsers('emails[type eq "home"].value eq "bob@acme.test"'))).toEqual([home.id]);
  });

  it("matches externalId eq exactly (case-sensitive)", async () => {
    const alice = await create("alice", { externalId: "00ujl29u0le5T6Aj10h7" });
    await create("bob", { externalId: "other" });
    expect(idsOf(await filterUsers('externalId eq "00ujl29u0le5T6Aj10h7"'))).toEqual([alice.id]);
    expect((await filterUsers('externalId eq "00UJL29U0LE5T6AJ10H7"')).body.totalResults).toBe(0);
  });

  it("matches meta.lastModified gt an instant between two changes", async () => {
    const old = await create("old");
    const fresh = await create("fresh");
    // Both last modified by a PATCH, so every timestamp compared comes from the same clock.
    expect((await client.patch(`/Users/${old.id}`, patchOp({ op: "replace", path: "title", value: "Old" }))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const watermark = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await client.patch(`/Users/${fresh.id}`, patchOp({ op: "replace", path: "title", value: "New" }))).status).toBe(200);

    const changed = await filterUsers(`meta.lastModified gt "${watermark}"`);
    expect(changed.status).toBe(200);
    expect(idsOf(changed)).toEqual([fresh.id]);
    expect(idsOf(await filterUsers(`meta.lastModified lt "${watermark}"`))).toEqual([old.id]);
  });

  // Was a bug on PostgreSQL: a new row's updated_at has microseconds (defaultNow()) while
  // meta.lastModified shows milliseconds, so the returned value neither equalled nor bounded itself.
  // PGlite's clock has millisecond precision, so it only ever failed there.
  it("round-trips meta.lastModified: eq its returned value matches, gt it does not", async () => {
    const alice = await create("alice");
    const { body } = await read(alice.id);
    const lastModified = String((body.meta as { lastModified: string }).lastModified);
    const equal = await filterUsers(`id eq "${alice.id}" and meta.lastModified eq "${lastModified}"`);
    expect(equal.status).toBe(200);
    expect(equal.body.totalResults).toBe(1);
    // A delta sync that asks for changes after the newest lastModified it saw must not get the same user again.
    expect((await filterUsers(`meta.lastModified gt "${lastModified}"`)).body.totalResults).toBe(0);
  });

  it("still returns suspended users with active eq false (until DELETE)", async () => {
    await create("alice");
    const bob = await create("bob");
    await client.patch(`/Users/${bob.id}`, patchOp({ op: "Replace", path: "active", value: "False" }));

    expect(idsOf(await filterUsers("active eq false"))).toEqual([bob.id]);
    expect((await filterUsers('userName eq "bob@acme.test"')).body.totalResults).toBe(1);
    expect((await client.get(`/Users/${bob.id}`)).status).toBe(200);

    expect((await client.delete(`/Users/${bob.id}`)).status).toBe(204);
    expect((await filterUsers("active eq false")).body.totalResults).toBe(0);
    expect((await filterUsers('userName eq "bob@acme.test"')).body.totalResults).toBe(0);
  });

  it("answers Entra's reference check id eq … and manager eq …", async () => {
    const boss = await create("boss");
    const other = await create("other");
    const alice = await create("alice", { [enterprise]: { manager: { value: boss.id } } });

    const match = await client.get(`/Users?filter=${encodeURIComponent(`id eq "${alice.id}" and manager eq "${boss.id}"`)}&attributes=id`);
    expect(match.status).toBe(200);
    expect(match.body.totalResults).toBe(1);
    expect(match.body.Resources?.[0]?.id).toBe(alice.id);
    expect((await filterUsers(`id eq "${alice.id}" and manager eq "${other.id}"`)).body.totalResults).toBe(0);
  });
});
