import { spawn } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { directoryConnections, directoryTokens } from "@/db/schema";
import { hashDirectoryToken } from "@/lib/directories/directory-token";
import { readServerHandle, writeServerHandle } from "@/lib/operator/server-handle";
import { seedDemoWorkspace } from "@/lib/setup/seed-demo-workspace";
import { testDatabaseKind } from "@/test/database";

const root = path.resolve(__dirname, "..");
const appUrl = "https://rollcall.example.com";
const timeout = 90_000;

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs the CLI as an operator would, on the embedded database in `dataDir`. */
function rollcall(dataDir: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/rollcall.ts", ...args], {
      cwd: root,
      env: { ...process.env, ROLLCALL_DATA_DIR: dataDir, DATABASE_URL: "", APP_URL: appUrl },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// A second process must never open an embedded data folder, so the CLI is tested on PGlite only.
describe.runIf(testDatabaseKind === "pglite")("rollcall CLI", () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "rollcall-cli-"));
    // As the server's first start would leave it: migrated, with the demo workspace.
    const database = openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
    try {
      await migrateDatabase(database);
      await seedDemoWorkspace(database.db, { ownerEmail: "owner@acme.test" });
    } finally {
      await database.close();
    }
  }, timeout);

  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(
    "creates a directory with --json: one JSON object with directoryId, scimBaseUrl and a token stored as its hash",
    async () => {
      const run = await rollcall(dataDir, "directory", "create", "--workspace", "acme", "--idp", "okta", "--json");

      expect(run.code, run.stderr).toBe(0);
      const printed: unknown = JSON.parse(run.stdout);
      expect(printed).toMatchObject({ directoryId: expect.any(String), scimBaseUrl: expect.any(String), token: expect.stringMatching(/^rcs_/) });
      const { directoryId, scimBaseUrl, token } = printed as { directoryId: string; scimBaseUrl: string; token: string };
      expect(scimBaseUrl).toBe(`${appUrl}/scim/v2/${directoryId}`);
      expect(run.stdout.trim().split("\n")).toHaveLength(1);

      const database = openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
      try {
        const [directory] = await database.db.select().from(directoryConnections).where(eq(directoryConnections.id, directoryId));
        expect(directory).toMatchObject({ idpType: "okta", name: "Okta", state: "active" });
        const tokens = await database.db.select({ hash: directoryTokens.hash }).from(directoryTokens).where(eq(directoryTokens.directoryId, directoryId));
        expect(tokens).toEqual([{ hash: hashDirectoryToken(token) }]);
      } finally {
        await database.close();
      }
    },
    timeout,
  );

  it(
    "rotates, revokes and lists in human form, and warns that a token is shown once",
    async () => {
      const created = await rollcall(dataDir, "directory", "create", "--workspace", "acme", "--idp", "generic", "--name", "Contractors");
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toContain('Created directory "Contractors" (generic, active) in workspace acme.');
      expect(created.stdout).toContain("shown only this once");
      const directoryId = /Directory:\s+(\S+)/.exec(created.stdout)?.[1] ?? "";
      const firstToken = /Token:\s+(rcs_\S+)/.exec(created.stdout)?.[1] ?? "";
      expect(created.stdout).toContain(`SCIM base URL:  ${appUrl}/scim/v2/${directoryId}`);

      const rotated = await rollcall(dataDir, "token", "rotate", "--directory", directoryId, "--grace", "3600");
      expect(rotated.code, rotated.stderr).toBe(0);
      expect(rotated.stdout).toContain(`The previous token ${firstToken.slice(0, 12)} keeps working until `);
      const newToken = /Token:\s+(rcs_\S+)/.exec(rotated.stdout)?.[1] ?? "";

      const listed = await rollcall(dataDir, "directory", "list");
      expect(listed.code, listed.stderr).toBe(0);
      const row = listed.stdout.split("\n").find((line) => line.startsWith(directoryId)) ?? "";
      expect(row).toMatch(/acme\s+Contractors\s+generic\s+active/);
      expect(row).toContain(newToken.slice(0, 12));
      expect(row).toContain(`${firstToken.slice(0, 12)} (until `);
      expect(listed.stdout).not.toContain(newToken);

      const revoked = await rollcall(dataDir, "token", "revoke", "--directory", directoryId, "--prefix", firstToken.slice(0, 12), "--json");
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(JSON.parse(revoked.stdout)).toEqual({ directoryId, revoked: [{ prefix: firstToken.slice(0, 12), revokedAt: expect.any(String) }] });
    },
    timeout,
  );

  it(
    "fails with a message on stderr and exit code 1: unknown workspace, bad IdP, unknown command",
    async () => {
      const unknown = await rollcall(dataDir, "directory", "create", "--workspace", "acne", "--idp", "okta", "--json");
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toBe("");
      expect(unknown.stderr).toContain('rollcall: No workspace "acne". Existing workspaces: acme.');

      const badIdp = await rollcall(dataDir, "directory", "create", "--workspace", "acme", "--idp", "azure");
      expect(badIdp.code).toBe(1);
      expect(badIdp.stderr).toContain("--idp must be one of okta, entra, google, onelogin, jumpcloud, generic");

      const stray = await rollcall(dataDir, "directory", "list", "--grace", "0");
      expect(stray.code).toBe(1);
      expect(stray.stderr).toContain('"directory list" takes no --grace');

      const nonsense = await rollcall(dataDir, "directory", "delete");
      expect(nonsense.code).toBe(1);
      expect(nonsense.stderr).toContain('unknown command "directory delete"');
    },
    timeout,
  );

  it(
    "sends the command to the live server that owns the data folder instead of opening it",
    async () => {
      const serverDir = await mkdtemp(path.join(tmpdir(), "rollcall-cli-server-"));
      const received: { headers: IncomingHttpHeaders; url?: string; body: string }[] = [];
      const server = createServer((request, response) => {
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk.toString()));
        request.on("end", () => {
          received.push({ headers: request.headers, url: request.url, body });
          response.setHeader("content-type", "application/json");
          response.end(JSON.stringify({ command: "directory.list", directories: [] }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const handle = writeServerHandle({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, dataDir: serverDir });
        expect(statSync(path.join(serverDir, "server.json")).mode & 0o777).toBe(0o600);
        expect(readServerHandle(serverDir)).toEqual(handle);

        const run = await rollcall(serverDir, "directory", "list", "--workspace", "acme");

        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toBe("No directories.\n");
        expect(received).toEqual([
          expect.objectContaining({ url: "/api/operator", body: JSON.stringify({ command: "directory.list", workspaceSlug: "acme" }) }),
        ]);
        expect(received[0]?.headers.authorization).toBe(`Bearer ${handle.key}`);
        expect(existsSync(path.join(serverDir, "pglite"))).toBe(false);
      } finally {
        server.close();
        await rm(serverDir, { recursive: true, force: true });
      }
    },
    timeout,
  );

  it("ignores a handle left behind by a server that is gone", async () => {
    const staleDir = await mkdtemp(path.join(tmpdir(), "rollcall-cli-stale-"));
    try {
      // Pids are below 2^22 on Linux: this one cannot be running.
      writeFileSync(path.join(staleDir, "server.json"), JSON.stringify({ pid: 2 ** 22 + 1, url: "http://127.0.0.1:1", key: "k".repeat(43) }));
      expect(readServerHandle(staleDir)).toBeUndefined();
      expect(readServerHandle(path.join(staleDir, "missing"))).toBeUndefined();
    } finally {
      await rm(staleDir, { recursive: true, force: true });
    }
  });
});
