import { expect, test } from "@playwright/test";
import { people } from "../fixtures/env";
import { signInWithSso } from "../fixtures/sign-in";

test.describe("[AUTH][OIDC]", () => {
  test("[AUTH][OIDC]: an admin signs in through the OIDC provider and lands on the console", async ({ page }) => {
    await signInWithSso(page, people.marcus.email);

    await expect(page).toHaveURL(/^http:\/\/localhost:3100\/console$/);
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: `Account menu for ${people.marcus.name}` })).toBeVisible();
    expect((await page.request.get("/api/console/members")).status()).toBe(200);
  });

  test("[AUTH][OIDC]: the owner, who already has a password identity, signs in with SSO as the same person", async ({ page }) => {
    await signInWithSso(page, people.owner.email);

    await expect(page).toHaveURL(/^http:\/\/localhost:3100\/console$/);
    await expect(page.getByRole("button", { name: `Account menu for ${people.owner.name}` })).toBeVisible();
  });

  test("[AUTH][OIDC]: someone who is not a member is refused back on the login page", async ({ page }) => {
    await signInWithSso(page, "stranger@acme.test");

    await expect(page).toHaveURL(/\/login\?error=AccessDenied$/);
    await expect(
      page.getByRole("alert").filter({ hasText: "That account can’t sign in here: it isn’t an active member of a workspace." }),
    ).toBeVisible();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("rollcall.session-token");
    expect((await page.request.get("/api/console/members")).status()).toBe(401);
  });
});
