import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { ownerPassword, people } from "../fixtures/env";
import { createConnection, disableConnection, scim, snap } from "../fixtures/directory";
import { signInWithPassword } from "../fixtures/sign-in";

const root = path.resolve(__dirname, "../..");
const run = promisify(execFile);

/** `npm run idp`, as a separate process, against the URL and token the console showed. */
async function simulateOkta(baseUrl: string, token: string): Promise<string> {
  const args = ["tsx", "scripts/idp.ts", "--profile", "okta", "--base", baseUrl, "--token", token, "--users", "4", "--groups", "2", "--members", "3", "--domain", "acme.test"];
  const { stdout } = await run("npx", args, { cwd: root, timeout: 120_000 });
  return stdout;
}

test.describe("[DIRECTORY_SYNC]", () => {
  test("[DIRECTORY_SYNC][OKTA]: an admin connects Okta, watches users, groups and requests arrive, rotates the token and disables sync", async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    await signInWithPassword(page, people.owner.email, ownerPassword);
    const name = `Okta staff ${Date.now().toString(36)}`;

    const { baseUrl, token } = await createConnection(page, testInfo, name, "Okta");
    await expect(page.getByText("SCIM connector base URL").first()).toBeVisible();
    await page.reload();
    await expect(page.getByText(token)).toHaveCount(0);

    // The IdP simulator replays Okta against what the page showed; then Okta pushes one more group.
    const report = await simulateOkta(baseUrl, token);
    expect(report).toMatch(/okta: \d+ passed, 0 failed/);
    const idp = scim(baseUrl, token);
    const users = (await (await idp("GET", "/Users?count=10")).json()) as { Resources: { id: string; userName: string }[] };
    expect(users.Resources).toHaveLength(4);
    const pushed = await idp("POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "Engineering (Okta)",
      members: users.Resources.slice(0, 2).map((u) => ({ value: u.id })),
    });
    expect(pushed.status).toBe(201);

    // Users and groups as the IdP left them: Okta deactivates, never deletes.
    const tabs = page.getByRole("navigation", { name: "Directory" });
    await tabs.getByRole("link", { name: "Users" }).click();
    const userTable = page.getByRole("table", { name: "Directory users" });
    await expect(userTable.getByRole("row")).toHaveCount(5);
    for (const user of users.Resources) await expect(userTable.getByText(user.userName).first()).toBeVisible();
    await expect(userTable.getByText("Suspended").first()).toBeVisible();
    await snap(page, testInfo, "03-users");
    await tabs.getByRole("link", { name: "Groups" }).click();
    const groupTable = page.getByRole("table", { name: "Directory groups" });
    await expect(groupTable.getByRole("row")).toHaveCount(2);
    await groupTable.getByRole("button", { name: "Engineering (Okta)" }).click();
    const groupDialog = page.getByRole("dialog");
    await expect(groupDialog.getByText(users.Resources[0]!.userName)).toBeVisible();
    await snap(page, testInfo, "04-group-members");
    await page.keyboard.press("Escape");

    // Connection test: real checks, and the IdP's last request.
    await tabs.getByRole("link", { name: "Connection test" }).click();
    await page.getByRole("button", { name: "Run test" }).click();
    await expect(page.getByRole("button", { name: "Run again" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText("Okta SCIM Client 1.0.0").first()).toBeVisible();
    await snap(page, testInfo, "05-connection-test");

    // Rotate, revoking the old token now: the IdP's old token is refused from then on.
    await tabs.getByRole("link", { name: "Tokens" }).click();
    await page.getByRole("button", { name: "Rotate token" }).click();
    const rotate = page.getByRole("dialog", { name: "Rotate the token" });
    await rotate.getByRole("radio", { name: "Revoke the old token now" }).click();
    await expect(rotate.getByRole("radio", { name: "Revoke the old token now" })).toBeChecked();
    await rotate.getByRole("button", { name: "Rotate" }).click();
    const newToken = await page.getByRole("dialog").getByLabel("New token", { exact: true }).inputValue();
    expect(newToken).toMatch(/^rcs_/);
    await snap(page, testInfo, "06-token-rotated");
    await page.getByRole("button", { name: "I have copied it" }).click();
    expect((await idp("GET", "/Users?count=1")).status).toBe(401);
    expect((await scim(baseUrl, newToken)("GET", "/Users?count=1")).status).toBe(200);
    await expect(page.getByRole("table", { name: "Tokens" }).getByText("Revoked")).toBeVisible();

    // Activity: the IdP's requests are there; filtered to errors, the refused old token is too.
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Activity" }).click();
    const activity = page.getByRole("table", { name: "Activity" });
    await expect(activity.getByText("token.rotated").first()).toBeVisible();
    await expect(activity.getByText("scim.request").first()).toBeVisible();
    await snap(page, testInfo, "07-activity");
    // The filter lives in the URL and the box follows it: click, then wait for it to show.
    await page.getByLabel("Errors only").click();
    await expect(page.getByLabel("Errors only")).toBeChecked();
    await expect(page).toHaveURL(/errorsOnly=true/);
    await expect(activity.getByText("401").first()).toBeVisible();
    await expect(activity.getByText("token.rotated")).toHaveCount(0);
    await activity.getByRole("row").nth(1).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await snap(page, testInfo, "08-activity-errors-detail");
    await page.keyboard.press("Escape");

    // Map the pushed group to a new team and the Admin role: its members' role follows at once.
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Directory Sync" }).click();
    await page.getByRole("link", { name }).click();
    await page.getByRole("navigation", { name: "Directory" }).getByRole("link", { name: "Mappings" }).click();
    await page.getByRole("button", { name: "Edit mapping of Engineering (Okta)" }).click();
    const mapping = page.getByRole("dialog", { name: "Mapping of Engineering (Okta)" });
    await mapping.getByLabel("Team", { exact: true }).click();
    await page.getByRole("option", { name: "Create a team named after this group" }).click();
    await mapping.getByRole("radio", { name: /^Admin/ }).click();
    await expect(mapping.getByRole("radio", { name: /^Admin/ })).toBeChecked();
    await mapping.getByRole("button", { name: "Save mapping" }).click();
    await expect(mapping).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Group mappings" }).getByText("Admin").first()).toBeVisible();
    await snap(page, testInfo, "09-mappings");
    await page.getByRole("navigation", { name: "Directory" }).getByRole("link", { name: "Users" }).click();
    const mappedRow = page.getByRole("table", { name: "Directory users" }).getByRole("row").filter({ hasText: users.Resources[0]!.userName });
    await expect(mappedRow.getByText("From group mappings")).toBeVisible();
    await expect(mappedRow.getByText("admin", { exact: true })).toBeVisible();

    // Disable: tokens gone, the IdP refused, members kept.
    await disableConnection(page, name);
    await snap(page, testInfo, "10-disabled");
    expect((await scim(baseUrl, newToken)("GET", "/Users?count=1")).status).toBe(401);
    await page.getByRole("navigation", { name: "Directory" }).getByRole("link", { name: "Users" }).click();
    await expect(page.getByRole("table", { name: "Directory users" }).getByRole("row")).toHaveCount(5);
  });

  test("[DIRECTORY_SYNC][ACCESS]: another workspace's or an unknown directory shows not found", async ({ page }) => {
    await signInWithPassword(page, people.owner.email, ownerPassword);
    await page.goto("/console/directories/00000000-0000-4000-8000-000000000000/tokens");
    await expect(page.getByText(/could not be found/i)).toBeVisible();
  });
});
