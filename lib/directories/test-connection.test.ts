import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { activityEvents, directoryConnections, directoryTokens, type DirectoryConnection } from "@/db/schema";
import { seedAcme, type SeededAcme } from "@/test/acme";
import { flushActivity } from "@/lib/activity/activity-buffer";
import { setUpTestDatabase } from "@/test/database";
import { matchScimRequest, serveScimFromNode } from "@/lib/scim/http/serve-scim-from-node";
import { createDirectory } from "./create-directory";
import { issueToken } from "./issue-token";
import { revokeToken } from "./revoke-token";
import { rotateToken } from "./rotate-token";
import { scimBaseUrl } from "./scim-base-url";
import { disableDirectory } from "./set-directory-state";
import { testConnection, type ConnectionCheck, type ConnectionCheckId } from "./test-connection";

const database = setUpTestDatabase();
let acme: SeededAcme;
let server: Server;
/** http://127.0.0.1:<port>: /scim/v2/… goes to the SCIM handler, /welcome answers a web page, /hang never answers. */
let origin: string;

beforeAll(async () => {
  acme = await seedAcme(database().db);
  server = createServer((req, res) => {
    if (req.url?.startsWith("/welcome")) return res.writeHead(200, { "content-type": "text/html" }).end("<html>Welcome</html>");
    if (req.url?.startsWith("/hang")) return;
    const params = matchScimRequest(req.method, req.url);
    if (params) void serveScimFromNode(req, res, params);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

// Reads are logged through a short queue: write it before the database goes.
afterEach(() => flushActivity(database().db));

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function newDirectory(db: Db) {
  const { directory, token } = await createDirectory(db, { workspaceId: acme.workspaceId, idpType: "okta" });
  return { directory, token };
}

async function reload(db: Db, id: string): Promise<DirectoryConnection> {
  const [directory] = await db.select().from(directoryConnections).where(eq(directoryConnections.id, id));
  return directory!;
}

async function run(db: Db, directory: DirectoryConnection, options: { base?: string; now?: Date; actorUserId?: string; timeoutMs?: number } = {}) {
  const checks = await testConnection(db, directory, { scimBaseUrl: options.base ?? scimBaseUrl(origin, directory.id), ...options });
  return Object.fromEntries(checks.map((c) => [c.id, c])) as Record<ConnectionCheckId, ConnectionCheck>;
}

/** A request from the IdP over the socket, as Okta's Test Connection makes it. */
async function idpRequest(directoryId: string, token: string) {
  return fetch(`${scimBaseUrl(origin, directoryId)}/Users?count=1`, { headers: { authorization: `Bearer ${token}`, "user-agent": "Okta SCIM Client 1.0.0" } });
}

describe("testConnection", () => {
  it("passes every check for an active directory whose IdP has just connected, and records the test", async () => {
    const { db } = database();
    const { directory, token } = await newDirectory(db);
    expect((await idpRequest(directory.id, token)).status).toBe(200);

    const checks = await testConnection(db, await reload(db, directory.id), { scimBaseUrl: scimBaseUrl(origin, directory.id), actorUserId: acme.ownerUserId });

    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ["state", "pass"],
      ["endpoint", "pass"],
      ["token", "pass"],
      ["database", "pass"],
      ["last_request", "pass"],
    ]);
    expect(checks.find((c) => c.id === "last_request")?.detail).toContain("Okta SCIM Client 1.0.0");
    expect(checks.find((c) => c.id === "token")?.detail).toContain(token.slice(0, 12));
    const [event] = await db.select().from(activityEvents).where(and(eq(activityEvents.directoryId, directory.id), eq(activityEvents.action, "directory.connection_tested")));
    expect(event).toMatchObject({ kind: "admin", actorUserId: acme.ownerUserId });
    expect(event?.summary).toContain("4 passed, 0 warnings, 0 failed");
    expect(JSON.stringify(event)).not.toContain(token);
  });

  describe("SCIM endpoint reachable", () => {
    it("fails with the network error when nothing listens on the port", async () => {
      const { db } = database();
      const { directory } = await newDirectory(db);
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));

      const { endpoint } = await run(db, directory, { base: scimBaseUrl(`http://127.0.0.1:${port}`, directory.id) });

      expect(endpoint.status).toBe("fail");
      expect(endpoint.detail).toContain("ECONNREFUSED");
      expect(endpoint.detail).toContain(`http://127.0.0.1:${port}/scim/v2/${directory.id}/ServiceProviderConfig`);
    });

    it("fails with the status when the path is not Rollcall's SCIM API", async () => {
      const { db } = database();
      const { directory } = await newDirectory(db);

      const { endpoint } = await run(db, directory, { base: `${origin}/api/v2/${directory.id}` });

      expect(endpoint.status).toBe("fail");
      expect(endpoint.detail).toContain("answered 404");
    });

    it("fails when something else answers 200", async () => {
      const { db } = database();
      const { directory } = await newDirectory(db);

      const { endpoint } = await run(db, directory, { base: `${origin}/welcome/scim/v2/${directory.id}` });

      expect(endpoint.status).toBe("fail");
      expect(endpoint.detail).toContain("not with a SCIM ServiceProviderConfig");
    });

    it("fails after the timeout when the address never answers", async () => {
      const { db } = database();
      const { directory } = await newDirectory(db);

      const { endpoint } = await run(db, directory, { base: `${origin}/hang/${directory.id}`, timeoutMs: 300 });

      expect(endpoint.status).toBe("fail");
      expect(endpoint.detail).toContain("did not answer within 0.3 s");
    });
  });

  describe("token", () => {
    it("fails when every token is revoked or expired", async () => {
      const { db } = database();
      const { directory } = await newDirectory(db);
      const expired = await issueToken(db, { directoryId: directory.id });
      await db.update(directoryTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(directoryTokens.id, expired.record.id));
      await revokeToken(db, { directoryId: directory.id });

      const { token } = await run(db, directory);

      expect(token.status).toBe("fail");
      expect(token.detail).toMatch(/Generate one on the Tokens tab/);
    });

    it("warns when the only valid token expires within 7 days", async () => {
      const { db } = database();
      const { directory } = await newDirectory(db);
      await revokeToken(db, { directoryId: directory.id });
      const soon = await issueToken(db, { directoryId: directory.id, expiresAt: new Date(Date.now() + 3 * 86400_000) });

      const { token } = await run(db, directory);

      expect(token.status).toBe("warn");
      expect(token.detail).toContain(`${soon.record.prefix}… expires within 7 days`);
    });

    it("warns when the only valid token is in a rotation grace period, and passes once a lasting one exists", async () => {
      const { db } = database();
      const { directory, token: old } = await newDirectory(db);
      const rotated = await rotateToken(db, { directoryId: directory.id, graceSeconds: 3600 });
      await revokeToken(db, { directoryId: directory.id, tokenId: rotated.record.id });

      const warned = await run(db, directory);
      expect(warned.token.status).toBe("warn");
      expect(warned.token.detail).toContain(`${old.slice(0, 12)}… is in a rotation grace period`);

      await issueToken(db, { directoryId: directory.id, expiresAt: new Date(Date.now() + 30 * 86400_000) });
      expect((await run(db, directory)).token.status).toBe("pass");
    });
  });

  describe("last request from the IdP", () => {
    it("warns when the IdP has never called", async () => {
      const { db } = database();
      const { directory } = await newDirectory(db);

      const { last_request } = await run(db, directory);

      expect(last_request).toMatchObject({ status: "warn", detail: "No request from your IdP yet — run its Test Connection." });
    });

    it("warns with the status when the last request failed", async () => {
      const { db } = database();
      const { directory } = await newDirectory(db);
      expect((await idpRequest(directory.id, "rcs_wrong")).status).toBe(401);

      const { last_request } = await run(db, await reload(db, directory.id));

      expect(last_request.status).toBe("warn");
      expect(last_request.detail).toContain("failed with status 401");
      expect(last_request.detail).toContain("Okta SCIM Client 1.0.0");
    });

    it("warns when the last success is more than a day old", async () => {
      const { db } = database();
      const { directory, token } = await newDirectory(db);
      expect((await idpRequest(directory.id, token)).status).toBe(200);

      const { last_request } = await run(db, await reload(db, directory.id), { now: new Date(Date.now() + 2 * 86400_000) });

      expect(last_request.status).toBe("warn");
      expect(last_request.detail).toContain("over a day ago");
    });
  });

  it("fails the database check with the reason when the event cannot be written", async () => {
    const { db } = database();
    const { directory } = await newDirectory(db);

    const { database: write } = await run(db, directory, { actorUserId: "no-such-user" });

    expect(write.status).toBe("fail");
    expect(write.detail).toMatch(/foreign key/);
  });

  it("fails a disabled directory and warns on a draft, saying how to fix it", async () => {
    const { db } = database();
    const { directory } = await newDirectory(db);
    await disableDirectory(db, { directoryId: directory.id, workspaceId: acme.workspaceId });

    const disabled = await run(db, await reload(db, directory.id));

    expect(disabled.state).toMatchObject({ status: "fail", detail: expect.stringContaining("Enable it on the Settings tab") });
    expect(disabled.token).toMatchObject({ status: "fail", detail: expect.stringContaining("disabling it deleted them") });

    const [draft] = await db.insert(directoryConnections).values({ workspaceId: acme.workspaceId, name: "Draft", idpType: "generic" }).returning();
    expect((await run(db, draft!)).state.status).toBe("warn");
  });
});
