import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activityEvents, members } from "@/db/schema";
import { flushActivity } from "@/lib/activity/activity-buffer";
import { setUpTestDatabase } from "@/test/database";
import { freshScimDirectory } from "@/test/scim";
import { matchScimRequest, serveScimFromNode } from "./serve-scim-from-node";

const database = setUpTestDatabase();
let server: Server;
let origin: string;
let directoryId: string;
let token: string;

describe("matchScimRequest", () => {
  it("splits and decodes the path as Next's route would", () => {
    expect(matchScimRequest("GET", "/scim/v2/d1/Users?filter=userName%20eq%20%22a%22")).toEqual({ directoryId: "d1", path: ["Users"] });
    expect(matchScimRequest("GET", "/scim/v2/d1")).toEqual({ directoryId: "d1", path: undefined });
    expect(matchScimRequest("PATCH", "/scim/v2/d1/Groups/a%2Fb")).toEqual({ directoryId: "d1", path: ["Groups", "a/b"] });
    expect(matchScimRequest("POST", "/scim/v2/d1/Users/.search")).toEqual({ directoryId: "d1", path: ["Users", ".search"] });
  });

  it("leaves to Next what Next answers differently: other methods and paths, trailing slashes, dot segments, bad encoding", () => {
    for (const [method, url] of [
      ["HEAD", "/scim/v2/d1/Users"],
      ["OPTIONS", "/scim/v2/d1/Users"],
      ["GET", "/scim/v2/d1/Users/"],
      ["GET", "/scim/v2//Users"],
      ["GET", "/scim/v2/d1/../d2/Users"],
      ["GET", "/scim/v2/d1/%E0%A4%A"],
      ["GET", "/scim/v2"],
      ["GET", "/console"],
      [undefined, "/scim/v2/d1/Users"],
    ] as const) {
      expect(matchScimRequest(method, url), `${method} ${url}`).toBeUndefined();
    }
  });
});

describe("serveScimFromNode over a real socket", () => {
  beforeAll(async () => {
    server = createServer((req, res) => {
      const params = matchScimRequest(req.method, req.url);
      if (params) void serveScimFromNode(req, res, params);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(async () => {
    ({ directoryId, token } = await freshScimDirectory(database().db, "okta"));
  });

  // Reads are logged through a short queue: write it before the next test resets the database.
  afterEach(() => flushActivity(database().db));

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/scim/v2/${directoryId}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("creates, finds and deletes a user, answering each with one sized SCIM response", async () => {
    const created = await send("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "ada@acme.test",
      emails: [{ value: "ada@acme.test", type: "work", primary: true }],
    });
    const text = await created.text();
    expect(created.status, text).toBe(201);
    expect(created.headers.get("content-type")).toContain("application/scim+json");
    expect(created.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(created.headers.get("transfer-encoding")).toBeNull();
    const { id } = JSON.parse(text) as { id: string };
    expect(created.headers.get("location")).toMatch(new RegExp(`/scim/v2/${directoryId}/Users/${id}$`));

    const found = await send("GET", `/Users?filter=${encodeURIComponent('userName eq "ADA@acme.test"')}`);
    expect(await found.json()).toMatchObject({ totalResults: 1, Resources: [{ id, userName: "ada@acme.test" }] });

    const deleted = await send("DELETE", `/Users/${id}`);
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect((await send("GET", `/Users/${id}`)).status).toBe(404);
  });

  it("refuses a request without the directory's token with a SCIM 401", async () => {
    const response = await send("GET", "/Users", undefined, { authorization: "Bearer wrong" });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await response.json()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
  });

  it("logs a client that hangs up mid-body as a 400 and stores nothing", async () => {
    const { db } = database();
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    socket.write(
      `POST /scim/v2/${directoryId}/Users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/scim+json\r\nContent-Length: 500\r\n\r\n{"userName": "half@acme.test", `,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();

    const failure = async () =>
      (await db.select().from(activityEvents).where(and(eq(activityEvents.directoryId, directoryId), eq(activityEvents.status, 400))))[0];
    for (let i = 0; i < 100 && !(await failure()); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await failure())?.error).toMatch(/closed the connection/);
    const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(eq(members.directoryId, directoryId));
    expect(stored!.n).toBe(0);
  });
});
