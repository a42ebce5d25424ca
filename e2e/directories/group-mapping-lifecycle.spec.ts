import { expect, test } from "@playwright/test";
import { ownerPassword, people } from "../fixtures/env";
import { createConnection, disableConnection, scim, snap } from "../fixtures/directory";
import { clearMailFor, waitForMail } from "../fixtures/mailbox";
import { signInWithPassword, signInWithSso } from "../fixtures/sign-in";

const urns = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
};

test.describe("[LIFECYCLE]", () => {
  test("[LIFECYCLE]: a provisioned member gets a welcome email; a group mapped to a team and the admin role gives them both at once; suspending them through SCIM ends their open session", async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(240_000);
    await signInWithPassword(page, people.owner.email, ownerPassword);
    const name = `Okta lifecycle ${Date.now().toString(36)}`;
    const { baseUrl, token } = await createConnection(page, testInfo, name, "Okta");
    const okta = scim(baseUrl, token);
    const email = "nina.ortiz@acme.test";
    await clearMailFor(email);

    // Welcome emails on: provisioning Nina sends her one through the outbox, over SMTP.
    await page.getByRole("navigation", { name: "Directory" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("switch", { name: "Send welcome emails" }).click();
    await expect(page.getByRole("switch", { name: "Send welcome emails" })).toBeChecked();
    // The switch flips at once; the setting is saved when the confirmation shows.
    await expect(page.getByText("Welcome emails on", { exact: false })).toBeVisible();

    // Okta provisions Nina (its create shape) and pushes an empty group.
    const created = await okta("POST", "/Users", {
      schemas: [urns.user],
      userName: email,
      name: { givenName: "Nina", familyName: "Ortiz" },
      emails: [{ primary: true, value: email, type: "work" }],
      displayName: "Nina Ortiz",
      externalId: "00u1nina0000000000",
      groups: [],
      active: true,
    });
    expect(created.status).toBe(201);
    const nina = (await created.json()) as { id: string };
    const pushed = await okta("POST", "/Groups", { schemas: [urns.group], displayName: "Platform admins", members: [] });
    expect(pushed.status).toBe(201);
    const group = (await pushed.json()) as { id: string };
    const welcome = await waitForMail(email, 30_000);
    expect(welcome.subject).toBe("Welcome to Acme on Rollcall");
    expect(welcome.text).toContain("/login");
    await page.reload();
    await expect(page.getByRole("table", { name: "Latest welcome emails" }).getByText(email)).toBeVisible();
    await snap(page, testInfo, "03-welcome-email");

    // The admin maps the group to a new team and to the Admin role.
    await page.getByRole("navigation", { name: "Directory" }).getByRole("link", { name: "Mappings" }).click();
    await page.getByRole("button", { name: "Edit mapping of Platform admins" }).click();
    const mapping = page.getByRole("dialog", { name: "Mapping of Platform admins" });
    await mapping.getByLabel("Team", { exact: true }).click();
    await page.getByRole("option", { name: "Create a team named after this group" }).click();
    await mapping.getByRole("radio", { name: /^Admin/ }).click();
    await mapping.getByRole("button", { name: "Save mapping" }).click();
    await expect(mapping).toHaveCount(0);
    await snap(page, testInfo, "04-mapping");

    // Nina signs in through SSO in her own browser: provisioned, so admitted; in no mapped group, no console.
    const ninaContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const ninaPage = await ninaContext.newPage();
      await signInWithSso(ninaPage, email);
      await expect(ninaPage.getByRole("heading", { name: "You don’t have access to the admin console" })).toBeVisible();

      // Okta pushes the membership: Nina is an admin and on the team at once.
      const membership = await okta("PATCH", `/Groups/${group.id}`, {
        schemas: [urns.patchOp],
        Operations: [{ op: "add", path: "members", value: [{ value: nina.id, display: email }] }],
      });
      expect(membership.status).toBe(204);
      await ninaPage.goto("/console");
      await expect(ninaPage.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();

      await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Members" }).click();
      const row = page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: email });
      await expect(row.getByText("admin", { exact: true })).toBeVisible();
      await expect(row.getByText("From directory groups")).toBeVisible();
      // A role the directory manages has no picker; one set by hand does.
      await expect(row.getByRole("combobox")).toHaveCount(0);
      await expect(page.getByRole("combobox", { name: `Role of ${people.priya.name}` })).toBeVisible();
      await expect(row.getByText("Platform admins")).toBeVisible();
      await expect(row.getByText("directory", { exact: true })).toBeVisible();
      await expect(page.getByRole("list", { name: "Teams" }).getByText("1 member · 1 from the directory")).toBeVisible();
      await snap(page, testInfo, "05-members");

      // Okta deactivates Nina: her open session stops working on its next request.
      const deactivated = await okta("PATCH", `/Users/${nina.id}`, { schemas: [urns.patchOp], Operations: [{ op: "replace", value: { active: false } }] });
      expect(deactivated.status).toBe(200);
      await ninaPage.goto("/console/directories");
      await expect(ninaPage).toHaveURL(/\/login\?error=NoAccess$/);
      await expect(ninaPage.getByText("It may have been suspended.")).toBeVisible();
      expect((await ninaPage.request.get("/api/console/members")).status()).toBe(401);
      await snap(ninaPage, testInfo, "06-suspended-session");
      await page.reload();
      await expect(row.getByText("suspended")).toBeVisible();
    } finally {
      await ninaContext.close();
    }

    // Leave no active directory behind: other specs sign in through SSO without one.
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Directory Sync" }).click();
    await page.getByRole("link", { name }).click();
    await disableConnection(page, name);
  });
});
