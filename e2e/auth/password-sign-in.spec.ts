import { expect, test } from "@playwright/test";
import { ownerPassword, people } from "../fixtures/env";
import { signInWithPassword } from "../fixtures/sign-in";

test.describe("[AUTH][PASSWORD]", () => {
  test("[AUTH][PASSWORD]: the owner signs in with the password and sees Acme's members, roles, statuses and teams", async ({ page }, testInfo) => {
    await page.goto("/login");
    await expect(page.getByText("Sign in to Rollcall", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Continue with Acme SSO" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("login-page.png"), fullPage: true });
    await testInfo.attach("login page", { path: testInfo.outputPath("login-page.png"), contentType: "image/png" });

    await signInWithPassword(page, people.owner.email, ownerPassword);

    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: `Account menu for ${people.owner.name}` })).toBeVisible();
    const table = page.getByRole("table", { name: "Members" });
    await expect(table).toBeVisible();

    const expected = [
      { name: people.owner.name, role: "owner", status: "active", teams: "—" },
      { name: people.marcus.name, role: "admin", status: "active", teams: "Engineering" },
      { name: people.priya.name, role: "member", status: "active", teams: "Engineering" },
      { name: people.tom.name, role: "viewer", status: "active", teams: "Sales" },
      { name: people.lena.name, role: "member", status: "suspended", teams: "Sales" },
    ];
    // Header row plus one row per person.
    await expect(table.getByRole("row")).toHaveCount(expected.length + 1);
    for (const person of expected) {
      const row = table.getByRole("row").filter({ hasText: person.name });
      const cells = row.getByRole("cell");
      await expect(cells.nth(1), `${person.name}'s role`).toHaveText(person.role, { ignoreCase: true });
      await expect(cells.nth(2), `${person.name}'s status`).toHaveText(person.status, { ignoreCase: true });
      await expect(cells.nth(4), `${person.name}'s teams`).toHaveText(person.teams);
    }
    await expect(table.getByRole("row").filter({ hasText: people.lena.name }).getByText(/^suspended$/i)).toBeVisible();

    const teams = page.getByRole("list", { name: "Teams" });
    await expect(teams.getByRole("listitem")).toHaveText([/^Engineering\s*2 members$/, /^Sales\s*2 members$/]);
    // Suspended members use no seat: the owner, Marcus, Priya and Tom.
    await expect(page.getByLabel("4 of 50 seats used")).toBeVisible();

    await page.screenshot({ path: testInfo.outputPath("members-page.png"), fullPage: true });
    await testInfo.attach("members page", { path: testInfo.outputPath("members-page.png"), contentType: "image/png" });
  });

  test("[AUTH][PASSWORD]: a wrong password shows an error and stays on the login page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email", { exact: true }).fill(people.owner.email);
    await page.getByLabel("Password", { exact: true }).fill(`${ownerPassword}-wrong`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    await expect(page.getByRole("alert").filter({ hasText: "That email and password don’t match an account." })).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    // The email stays filled in so the person can try again; the session cookie was not set.
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(people.owner.email);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("rollcall.session-token");
  });

  test("[AUTH][PASSWORD]: visiting the console signed out redirects to the login page", async ({ page }) => {
    await page.goto("/console");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();

    const api = await page.request.get("/api/console/members");
    expect(api.status()).toBe(401);
  });
});
