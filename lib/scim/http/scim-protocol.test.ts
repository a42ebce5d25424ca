import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { activityEvents, directoryConnections, directoryTokens, members, workspaces } from "@/db/schema";
import { env } from "@/lib/env";
import { setUpTestDatabase, testDatabaseKind } from "@/test/database";
import { createScimDirectory, freshScimDirectory, patchOp, scimClient, scimFetch, type ScimClient, type ScimReply } from "@/test/scim";
import { maxPayloadBytes } from "./read-scim-body";

const database = setUpTestDatabase();
const urn = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterprise: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  searchRequest: "urn:ietf:params:scim:api:messages:2.0:SearchRequest",
};

let client: ScimClient;
let workspaceId: string;
let directoryId: string;
let token: string;

beforeEach(async () => {
  ({ workspaceId, client, directoryId, token } = await freshScimDirectory(database().db, "okta"));
});

const person = (name: string, overrides: Record<string, unknown> = {}) => ({
  schemas: [urn.user],
  userName: `${name}@acme.test`,
  name: { givenName: name, familyName: "Tester" },
  emails: [{ primary: true, type: "work", value: `${name}@acme.test` }],
  active: true,
  ...overrides,
});

async function create(name: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const reply = await client.post("/Users", person(name, overrides));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return String(reply.body.id);
}

/** Many users at once, straight into the database (the seat limit is raised to fit them). */
async function insertUsers(count: number, prefix = "user"): Promise<string[]> {
  const { db } = database();
  await db.update(workspaces).set({ seatLimit: count + 100 }).where(eq(workspaces.id, workspaceId));
  const rows = await db
    .insert(members)
    .values(
      Array.from({ length: count }, (_, i) => ({
        workspaceId,
        directoryId,
        source: "scim" as const,
        userName: `${prefix}${String(i).padStart(4, "0")}@acme.test`,
        email: `${prefix}${String(i).padStart(4, "0")}@acme.test`,
      })),
    )
    .returning({ id: members.id });
  return rows.map((r) => r.id);
}

/** A request with exactly the headers given (no token unless passed). */
async function rawRequest(method: string, path: string, { headers = {}, body }: { headers?: Record<string, string>; body?: BodyInit } = {}) {
  const response = await scimFetch(`${client.baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function expectScimError(reply: { status: number; body: Record<string, unknown>; headers: Headers }, status: number) {
  expect(reply.status).toBe(status);
  expect(reply.headers.get("content-type")).toContain("application/scim+json");
  expect(reply.body).toMatchObject({ schemas: [urn.error], status: String(status) });
  expect(typeof reply.body.detail).toBe("string");
  expect(String(reply.body.detail).length).toBeGreaterThan(10);
}

async function countUsers(): Promise<number> {
  const { db } = database();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(eq(members.directoryId, directoryId));
  return row!.n;
}

describe("Authentication", () => {
  it("refuses a request without an Authorization header (401 SCIM error with WWW-Authenticate)", async () => {
    const reply = await rawRequest("GET", "/Users");
    expectScimError(reply, 401);
    expect(reply.headers.get("www-authenticate")).toMatch(/^Bearer/);

    const basic = await rawRequest("GET", "/Users", { headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expectScimError(basic, 401);
  });

  it("refuses a wrong token (401) and writes nothing with it", async () => {
    const wrong = scimClient(directoryId, `${token}x`);
    expectScimError(await wrong.get("/Users"), 401);
    expectScimError(await wrong.post("/Users", person("eve")), 401);
    expect(await countUsers()).toBe(0);
  });

  it("keeps directories apart: a token of A is refused on B's URL and the reverse; A's users never show through B", async () => {
    const { db } = database();
    const a = { client, directoryId, token };
    const b = await createScimDirectory(db, workspaceId, "entra");
    const aliceId = await create("alice");

    const aTokenOnB = scimClient(b.directoryId, a.token);
    const bTokenOnA = scimClient(a.directoryId, b.token);
    expectScimError(await aTokenOnB.get("/Users"), 401);
    expectScimError(await aTokenOnB.get(`/Users/${aliceId}`), 401);
    expectScimError(await bTokenOnA.get("/Users"), 401);
    expectScimError(await bTokenOnA.patch(`/Users/${aliceId}`, patchOp({ op: "replace", path: "title", value: "Pwned" })), 401);

    const listed = await b.client.get("/Users");
    expect(listed.status).toBe(200);
    expect(listed.body.totalResults).toBe(0);
    expect((await b.client.get(`/Users?filter=${encodeURIComponent('userName eq "alice@acme.test"')}`)).body.totalResults).toBe(0);
    expect((await b.client.get(`/Users/${aliceId}`)).status).toBe(404);
    expect((await b.client.patch(`/Users/${aliceId}`, patchOp({ op: "replace", path: "title", value: "Pwned" }))).status).toBe(404);
    expect((await b.client.delete(`/Users/${aliceId}`)).status).toBe(404);

    const alice = await a.client.get(`/Users/${aliceId}`);
    expect(alice.status).toBe(200);
    expect(alice.body).not.toHaveProperty("title");
  });

  it("refuses a revoked token and an expired one (401); a token in its rotation grace period still works", async () => {
    const { db } = database();
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);

    await db.update(directoryTokens).set({ revokedAt: future }).where(eq(directoryTokens.directoryId, directoryId));
    expect((await client.get("/Users")).status).toBe(200);

    await db.update(directoryTokens).set({ revokedAt: past }).where(eq(directoryTokens.directoryId, directoryId));
    const revoked = await client.get("/Users");
    expectScimError(revoked, 401);
    expect(String(revoked.body.detail)).toMatch(/revoked|expired/i);

    await db.update(directoryTokens).set({ revokedAt: null, expiresAt: past }).where(eq(directoryTokens.directoryId, directoryId));
    expectScimError(await client.get("/Users"), 401);
    expectScimError(await client.post("/Users", person("late")), 401);
    expect(await countUsers()).toBe(0);
  });

  it("answers 403 with a clear detail while the directory is disabled, and writes nothing", async () => {
    const { db } = database();
    await db.update(directoryConnections).set({ state: "disabled" }).where(eq(directoryConnections.id, directoryId));
    const reply = await client.post("/Users", person("alice"));
    expectScimError(reply, 403);
    expect(String(reply.body.detail)).toMatch(/disabled/i);
    expect(await countUsers()).toBe(0);

    await db.update(directoryConnections).set({ state: "active" }).where(eq(directoryConnections.id, directoryId));
    expect((await client.post("/Users", person("alice"))).status).toBe(201);
  });

  it("records the token's last use and the directory's last request (time, user agent, status), failures included", async () => {
    const { db } = database();
    const started = Date.now() - 1000;
    const reply = await client.get("/Users", { "user-agent": "Okta SCIM Client 1.0.0" });
    expect(reply.status).toBe(200);

    const [directory] = await db.select().from(directoryConnections).where(eq(directoryConnections.id, directoryId));
    expect(directory).toMatchObject({ lastRequestUserAgent: "Okta SCIM Client 1.0.0", lastRequestStatus: 200 });
    expect(directory!.lastRequestAt!.getTime()).toBeGreaterThanOrEqual(started);
    const [tokenRow] = await db.select().from(directoryTokens).where(eq(directoryTokens.directoryId, directoryId));
    expect(tokenRow!.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(started);

    // Test Connection shows the last failure too.
    await scimClient(directoryId, "not-the-token").get("/Users", { "user-agent": "Okta SCIM Client 1.0.0" });
    const [afterFailure] = await db.select().from(directoryConnections).where(eq(directoryConnections.id, directoryId));
    expect(afterFailure!.lastRequestStatus).toBe(401);
  });
});

describe("Discovery", () => {
  it("serves ServiceProviderConfig without a token: patch, filter (maxResults), sort and etag on, bulk off", async () => {
    const reply = await rawRequest("GET", "/ServiceProviderConfig");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toContain("application/scim+json");
    expect(reply.body).toMatchObject({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
      patch: { supported: true },
      filter: { supported: true, maxResults: 1000 },
      sort: { supported: true },
      etag: { supported: true },
      bulk: { supported: false },
      changePassword: { supported: false },
    });
    expect(reply.body.authenticationSchemes).toEqual([expect.objectContaining({ type: "oauthbearertoken" })]);
  });

  it("lists the User resource type (with the enterprise extension) and Group", async () => {
    const reply = await rawRequest("GET", "/ResourceTypes");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ schemas: [urn.listResponse], totalResults: 2 });
    const types = reply.body.Resources as Array<Record<string, unknown>>;
    expect(types.find((t) => t.id === "User")).toMatchObject({
      endpoint: "/Users",
      schema: urn.user,
      schemaExtensions: [{ schema: urn.enterprise, required: false }],
    });
    expect(types.find((t) => t.id === "Group")).toMatchObject({ endpoint: "/Groups", schema: urn.group });
    expect((await rawRequest("GET", "/ResourceTypes/Group")).body).toMatchObject({ id: "Group", endpoint: "/Groups" });
  });

  it("lists the User, EnterpriseUser and Group schemas and serves one by its URN, with or without a token", async () => {
    const reply = await rawRequest("GET", "/Schemas");
    expect(reply.status).toBe(200);
    const ids = (reply.body.Resources as Array<{ id: string }>).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([urn.user, urn.enterprise, urn.group]));

    const user = await rawRequest("GET", `/Schemas/${urn.user}`);
    expect(user.status).toBe(200);
    expect(user.body.id).toBe(urn.user);
    const attributeNames = (user.body.attributes as Array<{ name: string }>).map((a) => a.name);
    expect(attributeNames).toEqual(expect.arrayContaining(["userName", "name", "emails", "active", "groups"]));

    const withToken = await client.get(`/Schemas/${urn.enterprise}`);
    expect(withToken.status).toBe(200);
    expect((withToken.body.attributes as Array<{ name: string }>).map((a) => a.name)).toContain("manager");

    expectScimError(await rawRequest("GET", "/Schemas/urn:example:nothing"), 404);
  });
});

describe("Errors", () => {
  it("answers 400 invalidSyntax to malformed JSON, and 400 to a body that is an array or a string", async () => {
    const malformed = await client.post("/Users", '{"userName": "alice@acme.test",');
    expectScimError(malformed, 400);
    expect(malformed.body.scimType).toBe("invalidSyntax");

    expectScimError(await client.post("/Users", [person("alice")]), 400);
    expectScimError(await client.post("/Users", JSON.stringify("alice@acme.test")), 400);
    expectScimError(await client.patch(`/Users/${await create("bob")}`, [{ op: "replace", path: "title", value: "x" }]), 400);
    expect(await countUsers()).toBe(1);
  });

  it("answers 413 to a body over the advertised maximum, by Content-Length or by actual size, and writes nothing", async () => {
    const declared = await client.post("/Users", person("alice"), { "content-length": String(maxPayloadBytes + 1) });
    expectScimError(declared, 413);

    const huge = JSON.stringify(person("bob", { displayName: "x".repeat(maxPayloadBytes) }));
    expect(huge.length).toBeGreaterThan(maxPayloadBytes);
    const actual = await client.post("/Users", huge);
    expectScimError(actual, 413);
    expect(await countUsers()).toBe(0);

    const spc = await client.get("/ServiceProviderConfig");
    expect(spc.body.bulk).toMatchObject({ maxPayloadSize: maxPayloadBytes });
  });

  it("answers 400 (not a 500) when the client hangs up while sending the body, and writes nothing", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"userName": "alice@acme.test", '));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const response = await scimFetch(`${client.baseUrl}/Users`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/closed the connection/);
    expect(await countUsers()).toBe(0);
  });

  it("answers 404 to an unknown endpoint, 501 to /Bulk and 405 (with Allow) to a wrong method", async () => {
    expectScimError(await client.get("/Widgets"), 404);
    expectScimError(await client.get("/Users/x/y"), 404);
    expectScimError(await client.post("/Bulk", { schemas: ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], Operations: [] }), 501);

    const deleteAll = await client.delete("/Users");
    expectScimError(deleteAll, 405);
    expect(deleteAll.headers.get("allow")).toBe("GET, POST");
    expectScimError(await client.put("/ServiceProviderConfig", {}), 405);
    expectScimError(await client.post(`/Users/${await create("alice")}`, person("alice")), 405);
  });

  it("answers 400 invalidFilter whose detail points at the problem, and 400 to startIndex=abc", async () => {
    const unknown = await client.get(`/Users?filter=${encodeURIComponent('shoeSize eq "42"')}`);
    expectScimError(unknown, 400);
    expect(unknown.body.scimType).toBe("invalidFilter");
    expect(String(unknown.body.detail)).toContain("shoeSize");

    const truncated = await client.get(`/Users?filter=${encodeURIComponent("userName eq")}`);
    expectScimError(truncated, 400);
    expect(truncated.body.scimType).toBe("invalidFilter");
    expect(String(truncated.body.detail)).toMatch(/value/);

    const badOp = await client.get(`/Users?filter=${encodeURIComponent('userName equals "a"')}`);
    expectScimError(badOp, 400);
    expect(String(badOp.body.detail)).toContain("equals");

    const startIndex = await client.get("/Users?startIndex=abc");
    expectScimError(startIndex, 400);
    expect(String(startIndex.body.detail)).toContain("startIndex");
    expectScimError(await client.get("/Users?count=ten"), 400);
  });

  it("ignores unknown attributes in a POST (201) and never returns or logs the password", async () => {
    const secret = "Sup3r-Secret-Passw0rd";
    const created = await client.post("/Users", {
      ...person("alice"),
      password: secret,
      roles: [],
      shoeSize: 42,
      meta: { resourceType: "User" },
      "urn:ietf:params:scim:schemas:extension:CustomApp:2.0:User": { badge: "A-1" },
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty("shoeSize");
    const id = String(created.body.id);

    // Okta's password sync: a PATCH replace with the password, and a PUT carrying it.
    expect((await client.patch(`/Users/${id}`, patchOp({ op: "replace", value: { password: `${secret}-2` } }))).status).toBe(200);
    expect((await client.put(`/Users/${id}`, { ...person("alice"), password: `${secret}-3` })).status).toBe(200);

    const replies = [
      created,
      await client.get(`/Users/${id}`),
      await client.get("/Users"),
      await client.get(`/Users?attributes=password,userName`),
      await client.post("/Users/.search", { schemas: [urn.searchRequest], attributes: ["password"] }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBeLessThan(300);
      expect(JSON.stringify(reply.body)).not.toContain(secret);
      expect(JSON.stringify(reply.body)).not.toContain('"password"');
    }
    const { db } = database();
    const events = await db.select().from(activityEvents).where(eq(activityEvents.workspaceId, workspaceId));
    expect(events.length).toBeGreaterThanOrEqual(7);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it("accepts application/json request bodies and always answers application/scim+json", async () => {
    const created = await client.post("/Users", person("alice"), { "content-type": "application/json" });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    const patched = await client.patch(`/Users/${created.body.id}`, patchOp({ op: "replace", path: "title", value: "CTO" }), { "content-type": "application/json; charset=utf-8" });
    expect(patched.status).toBe(200);
    expect(patched.body.title).toBe("CTO");

    for (const reply of [await client.get("/Users"), await client.get(`/Users/${created.body.id}`), await client.get("/Groups"), await client.get("/Nope")]) {
      expect(reply.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    }
  });
});

describe("Listing", () => {
  it("treats startIndex below 1 as 1, answers count=0 with only totalResults, and caps count at 1,000", async () => {
    await insertUsers(1005);
    for (const startIndex of ["0", "-5"]) {
      const reply = await client.get(`/Users?startIndex=${startIndex}&count=2`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ startIndex: 1, itemsPerPage: 2, totalResults: 1005 });
    }

    const countOnly = await client.get("/Users?count=0");
    expect(countOnly.status).toBe(200);
    expect(countOnly.body.totalResults).toBe(1005);
    expect(countOnly.body.itemsPerPage ?? 0).toBe(0);
    expect(countOnly.body.Resources ?? []).toEqual([]);

    const capped = await client.get("/Users?count=5000");
    expect(capped.status).toBe(200);
    expect(capped.body).toMatchObject({ totalResults: 1005, itemsPerPage: 1000 });
    expect(capped.body.Resources).toHaveLength(1000);
  }, 30_000);

  it("pages like Microsoft's validator: startIndex echoed, pages disjoint, stable, covering every user", async () => {
    const ids = await insertUsers(12);
    const page = (startIndex: number) => client.get(`/Users?startIndex=${startIndex}&count=5`);
    const pages: ScimReply[] = [];
    for (const startIndex of [1, 6, 11]) {
      const reply = await page(startIndex);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ startIndex, totalResults: 12 });
      pages.push(reply);
    }
    const seen = pages.flatMap((p) => (p.body.Resources ?? []).map((r) => String(r.id)));
    expect(pages.map((p) => p.body.itemsPerPage)).toEqual([5, 5, 2]);
    expect(new Set(seen).size).toBe(12);
    expect([...seen].sort()).toEqual([...ids].sort());

    // A change between requests does not reshuffle the pages.
    await client.patch(`/Users/${seen[7]}`, patchOp({ op: "replace", path: "displayName", value: "Renamed" }));
    const again = await page(6);
    expect((again.body.Resources ?? []).map((r) => r.id)).toEqual((pages[1]!.body.Resources ?? []).map((r) => r.id));
    expect((await page(13)).body).toMatchObject({ startIndex: 13, itemsPerPage: 0, totalResults: 12 });
  });

  it("sorts by userName descending", async () => {
    for (const name of ["carol", "alice", "Bob", "dave"]) await create(name);
    const reply = await client.get("/Users?sortBy=userName&sortOrder=descending");
    expect(reply.status).toBe(200);
    expect(reply.body.Resources?.map((r) => r.userName)).toEqual(["dave@acme.test", "carol@acme.test", "Bob@acme.test", "alice@acme.test"]);
    const ascending = await client.get("/Users?sortBy=userName");
    expect(ascending.body.Resources?.map((r) => r.userName)).toEqual(["alice@acme.test", "Bob@acme.test", "carol@acme.test", "dave@acme.test"]);
  });

  it("returns only id, schemas and userName with attributes=userName, and drops emails with excludedAttributes=emails", async () => {
    const id = await create("alice", { displayName: "Alice", title: "CTO" });
    for (const reply of [await client.get("/Users?attributes=userName"), await client.get(`/Users/${id}?attributes=userName`)]) {
      expect(reply.status).toBe(200);
      const resource = reply.body.Resources?.[0] ?? reply.body;
      expect(Object.keys(resource).sort()).toEqual(["id", "schemas", "userName"]);
      expect(resource).toMatchObject({ id, userName: "alice@acme.test" });
    }
    const excluded = await client.get(`/Users/${id}?excludedAttributes=emails`);
    expect(excluded.body).not.toHaveProperty("emails");
    expect(excluded.body).toMatchObject({ id, userName: "alice@acme.test", title: "CTO", displayName: "Alice" });
  });

  it("answers POST /Users/.search with a SearchRequest body", async () => {
    await create("alice");
    const albert = await create("albert");
    await create("bob");
    const reply = await client.post("/Users/.search", {
      schemas: [urn.searchRequest],
      filter: 'userName sw "al"',
      sortBy: "userName",
      sortOrder: "descending",
      startIndex: 2,
      count: 10,
      attributes: ["userName"],
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ schemas: [urn.listResponse], totalResults: 2, startIndex: 2, itemsPerPage: 1 });
    // Descending: alice, albert; the second page of one starts at albert.
    expect(reply.body.Resources).toEqual([{ schemas: [urn.user], id: albert, userName: "albert@acme.test" }]);

    expectScimError(await client.post("/Users/.search", { schemas: [urn.searchRequest], count: "ten" }), 400);
    expectScimError(await client.get("/Users/.search"), 405);
  });
});

describe("ETags", () => {
  it("answers 304 to If-None-Match with the current ETag, 200 once it changed", async () => {
    const id = await create("alice");
    const first = await client.get(`/Users/${id}`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect((first.body.meta as { version: string }).version).toBe(etag);

    const cached = await rawRequest("GET", `/Users/${id}`, { headers: { authorization: `Bearer ${token}`, "if-none-match": etag } });
    expect(cached.status).toBe(304);
    expect(cached.text).toBe("");

    await client.patch(`/Users/${id}`, patchOp({ op: "replace", path: "title", value: "CTO" }));
    const changed = await client.get(`/Users/${id}`, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);

    const groupReply = await client.post("/Groups", { schemas: [urn.group], displayName: "Sales" });
    const groupCached = await rawRequest("GET", `/Groups/${groupReply.body.id}`, {
      headers: { authorization: `Bearer ${token}`, "if-none-match": groupReply.headers.get("etag")! },
    });
    expect(groupCached.status).toBe(304);
  });

  it("refuses PATCH, PUT and DELETE with a stale If-Match (412) and changes nothing; a matching one succeeds", async () => {
    const id = await create("alice", { title: "Engineer" });
    const stale = (await client.get(`/Users/${id}`)).headers.get("etag")!;
    await client.patch(`/Users/${id}`, patchOp({ op: "replace", path: "nickName", value: "Al" }));
    const current = await client.get(`/Users/${id}`);
    const etag = current.headers.get("etag")!;
    expect(etag).not.toBe(stale);

    const ifMatch = { "if-match": stale };
    expectScimError(await client.patch(`/Users/${id}`, patchOp({ op: "replace", path: "title", value: "CTO" }), ifMatch), 412);
    expectScimError(await client.put(`/Users/${id}`, person("alice", { title: "CTO" }), ifMatch), 412);
    expectScimError(await client.delete(`/Users/${id}`, ifMatch), 412);
    const unchanged = await client.get(`/Users/${id}`);
    expect(unchanged.status).toBe(200);
    expect(unchanged.body).toEqual(current.body);

    const patched = await client.patch(`/Users/${id}`, patchOp({ op: "replace", path: "title", value: "CTO" }), { "if-match": etag });
    expect(patched.status).toBe(200);
    expect(patched.body.title).toBe("CTO");
    const next = patched.headers.get("etag")!;
    expect((await client.put(`/Users/${id}`, person("alice", { title: "CEO" }), { "if-match": next })).status).toBe(200);
    expect((await client.delete(`/Users/${id}`, { "if-match": "*" })).status).toBe(204);
  });

  it("refuses a group PATCH with a stale If-Match (412) and keeps the members", async () => {
    const alice = await create("alice");
    const group = await client.post("/Groups", { schemas: [urn.group], displayName: "Sales", members: [{ value: alice }] });
    const stale = group.headers.get("etag")!;
    await client.patch(`/Groups/${group.body.id}`, patchOp({ op: "replace", path: "displayName", value: "Revenue" }));
    const reply = await client.patch(`/Groups/${group.body.id}`, patchOp({ op: "remove", path: "members" }), { "if-match": stale });
    expectScimError(reply, 412);
    expect((await client.get(`/Groups/${group.body.id}`)).body.members).toEqual([expect.objectContaining({ value: alice })]);
  });
});

describe("Rate limit", () => {
  // PostgreSQL only: PGlite runs every query one after another, so how many of the requests land
  // in one 1-second window depends on the machine's load (measured: 126 to 200 of 400 limited),
  // and a slow run would spread them over several windows and see no 429 at all.
  it.runIf(testDatabaseKind === "postgres")("answers 429 with Retry-After and a SCIM error once a directory sends more than the limit in a second", async () => {
    const limit = env().SCIM_RATE_LIMIT;
    expect(limit).toBeLessThanOrEqual(1000);
    const replies = await Promise.all(Array.from({ length: limit * 2 }, () => client.get("/Users?count=0")));
    const limited = replies.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(replies.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    const sample = limited[0]!;
    expectScimError(sample, 429);
    expect(Number(sample.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(String(sample.body.detail)).toContain(String(limit));
  }, 30_000);
});
