import { expect, test } from "@playwright/test";
import { ownerPassword, people } from "../fixtures/env";
import { signInWithPassword } from "../fixtures/sign-in";

test.describe("[AUTH][SIGN-OUT]", () => {
  test("[AUTH][SIGN-OUT]: \"Sign out everywhere\" in one browser ends the session in another", async ({ page, browser }) => {
    const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const otherPage = await other.newPage();
      await signInWithPassword(page, people.owner.email, ownerPassword);
      await signInWithPassword(otherPage, people.owner.email, ownerPassword);
      await expect(otherPage.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();

      await page.getByRole("button", { name: `Account menu for ${people.owner.name}` }).click();
      await page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
      await expect(page).toHaveURL(/\/login$/);

      await otherPage.goto("/console");
      await expect(otherPage).toHaveURL(/\/login$/);
      expect((await otherPage.request.get("/api/console/members")).status()).toBe(401);
    } finally {
      await other.close();
    }
  });

  test("[AUTH][SIGN-OUT]: \"Sign out\" ends only this browser's session", async ({ page, browser }) => {
    const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const otherPage = await other.newPage();
      await signInWithPassword(page, people.owner.email, ownerPassword);
      await signInWithPassword(otherPage, people.owner.email, ownerPassword);

      await page.getByRole("button", { name: `Account menu for ${people.owner.name}` }).click();
      await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
      await expect(page).toHaveURL(/\/login$/);
      await page.goto("/console");
      await expect(page).toHaveURL(/\/login$/);

      await otherPage.goto("/console");
      await expect(otherPage.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    } finally {
      await other.close();
    }
  });
});
