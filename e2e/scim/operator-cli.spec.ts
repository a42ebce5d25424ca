import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { appUrl } from "../fixtures/env";

const root = path.resolve(__dirname, "../..");
const run = promisify(execFile);

type Directory = { id: string; tokens: { prefix: string; status: string }[] };

test.describe("[SCIM][OPERATOR_CLI]", () => {
  test("[SCIM][OPERATOR_CLI]: while the server runs, the CLI creates a directory, rotates its token and lists directories", async () => {
    test.setTimeout(120_000);
    // Where playwright.config.ts puts the server's embedded database.
    const dataDir = `${test.info().project.outputDir}-data`;
    const postgresUrl = process.env.E2E_DATABASE_URL;
    const env: NodeJS.ProcessEnv = postgresUrl
      ? { ...process.env, DATABASE_URL: postgresUrl, APP_URL: appUrl }
      : // The URL must come from the server the command goes through, not from the CLI's own settings.
        { ...process.env, DATABASE_URL: "", ROLLCALL_DATA_DIR: dataDir, APP_URL: "http://cli-must-not-use-this.invalid" };
    if (!postgresUrl) expect(existsSync(path.join(dataDir, "server.json")), "the embedded server's handle").toBe(true);

    async function rollcall(...args: string[]): Promise<string> {
      const { stdout } = await run("npx", ["tsx", "scripts/rollcall.ts", ...args], { cwd: root, env, timeout: 60_000 });
      return stdout;
    }

    const created = JSON.parse(await rollcall("directory", "create", "--workspace", "acme", "--idp", "okta", "--json")) as {
      directoryId: string;
      scimBaseUrl: string;
      token: string;
    };
    expect(created.scimBaseUrl).toBe(`${appUrl}/scim/v2/${created.directoryId}`);
    expect(created.token).toMatch(/^rcs_[A-Za-z0-9_-]{43}$/);

    const rotated = JSON.parse(await rollcall("token", "rotate", "--directory", created.directoryId, "--grace", "0", "--json")) as {
      token: string;
      retired: { prefix: string }[];
    };
    expect(rotated.token).not.toBe(created.token);
    expect(rotated.retired.map((t) => t.prefix)).toEqual([created.token.slice(0, 12)]);

    const listed = JSON.parse(await rollcall("directory", "list", "--workspace", "acme", "--json")) as { directories: Directory[] };
    const directory = listed.directories.find((d) => d.id === created.directoryId);
    expect(directory?.tokens.filter((t) => t.status === "active").map((t) => t.prefix)).toEqual([rotated.token.slice(0, 12)]);
    expect(directory?.tokens.find((t) => t.prefix === created.token.slice(0, 12))?.status).toBe("revoked");

    const table = await rollcall("directory", "list");
    expect(table).toMatch(new RegExp(`^${created.directoryId}\\s+acme\\s+Okta\\s+okta\\s+active\\s+${rotated.token.slice(0, 12)}`, "m"));

    // The server still owns and serves its database.
    expect((await fetch(`${appUrl}/api/auth/providers`)).ok).toBe(true);
  });
});
