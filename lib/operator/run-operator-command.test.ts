import { beforeAll, describe, expect, it } from "vitest";
import { hashDirectoryToken } from "@/lib/directories/directory-token";
import { seedAcme } from "@/test/acme";
import { resetDatabase, setUpTestDatabase } from "@/test/database";
import { operatorCommand } from "./operator-command";
import { OperatorCommandError, runOperatorCommand } from "./run-operator-command";

const database = setUpTestDatabase();
const appUrl = "https://rollcall.example.com";

beforeAll(async () => {
  await seedAcme(database().db);
});

async function run(input: unknown) {
  return runOperatorCommand(database().db, appUrl, operatorCommand.parse(input));
}

async function createOkta() {
  const result = await run({ command: "directory.create", workspaceSlug: "acme", idpType: "okta" });
  if (result.command !== "directory.create") throw new Error("unexpected result");
  return result;
}

describe("runOperatorCommand", () => {
  it("creates a directory and answers its SCIM base URL and token", async () => {
    const result = await createOkta();

    expect(result).toMatchObject({ workspaceSlug: "acme", name: "Okta", idpType: "okta", state: "active", tokenPrefix: result.token.slice(0, 12) });
    expect(result.scimBaseUrl).toBe(`${appUrl}/scim/v2/${result.directoryId}`);
    expect(result.token).toMatch(/^rcs_/);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("names the existing workspaces when the slug is unknown", async () => {
    const attempt = run({ command: "directory.create", workspaceSlug: "acne", idpType: "okta" });
    await expect(attempt).rejects.toBeInstanceOf(OperatorCommandError);
    await expect(attempt).rejects.toThrow('No workspace "acne". Existing workspaces: acme.');
    await expect(run({ command: "directory.list", workspaceSlug: "nope" })).rejects.toThrow(/Existing workspaces: acme/);
  });

  it("rotates with a grace period, lists, and revokes by prefix", async () => {
    const created = await createOkta();

    const rotated = await run({ command: "token.rotate", directoryId: created.directoryId, graceSeconds: 3600 });
    if (rotated.command !== "token.rotate") throw new Error("unexpected result");
    expect(rotated.retired).toEqual([{ prefix: created.tokenPrefix, revokedAt: expect.any(String) }]);
    expect(rotated.scimBaseUrl).toBe(created.scimBaseUrl);

    const listed = await run({ command: "directory.list", workspaceSlug: "acme" });
    if (listed.command !== "directory.list") throw new Error("unexpected result");
    const item = listed.directories.find((d) => d.id === created.directoryId);
    expect(item?.scimBaseUrl).toBe(created.scimBaseUrl);
    expect(item?.tokens.map((t) => [t.prefix, t.status])).toEqual(
      expect.arrayContaining([
        [created.tokenPrefix, "grace"],
        [rotated.tokenPrefix, "active"],
      ]),
    );
    expect(JSON.stringify(listed)).not.toContain(rotated.token);
    expect(JSON.stringify(listed)).not.toContain(hashDirectoryToken(rotated.token));

    const revoked = await run({ command: "token.revoke", directoryId: created.directoryId, prefix: created.tokenPrefix });
    expect(revoked).toEqual({ command: "token.revoke", directoryId: created.directoryId, revoked: [{ prefix: created.tokenPrefix, revokedAt: expect.any(String) }] });
    // Already revoked: nothing to do, and not an error.
    expect(await run({ command: "token.revoke", directoryId: created.directoryId, prefix: created.tokenPrefix })).toMatchObject({ revoked: [] });
  });

  it("explains an unknown directory or token prefix", async () => {
    const created = await createOkta();
    await expect(run({ command: "token.rotate", directoryId: "00000000-0000-4000-8000-000000000000" })).rejects.toThrow(
      /No directory 00000000-0000-4000-8000-000000000000\. "rollcall directory list" shows/,
    );
    await expect(run({ command: "token.revoke", directoryId: created.directoryId, prefix: "rcs_nope" })).rejects.toThrow(
      `Directory ${created.directoryId} has no token with prefix "rcs_nope". Its valid tokens: ${created.tokenPrefix}.`,
    );
  });

  it("validates commands: IdP, directory id, grace", () => {
    expect(operatorCommand.safeParse({ command: "directory.create", workspaceSlug: "acme", idpType: "azure" }).success).toBe(false);
    expect(operatorCommand.safeParse({ command: "token.rotate", directoryId: "not-a-uuid" }).success).toBe(false);
    expect(operatorCommand.safeParse({ command: "token.rotate", directoryId: "00000000-0000-4000-8000-000000000000", graceSeconds: 60 }).success).toBe(false);
    expect(operatorCommand.parse({ command: "token.rotate", directoryId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ graceSeconds: 0 });
    expect(operatorCommand.safeParse({ command: "directory.delete" }).success).toBe(false);
  });

  it("says how to get a first workspace when there is none", async () => {
    await resetDatabase(database().db);
    await expect(run({ command: "directory.create", workspaceSlug: "acme", idpType: "okta" })).rejects.toThrow(/there are no workspaces yet/);
  });
});
