import { expect, test } from "@playwright/test";
import { people } from "../fixtures/env";
import { clearMailFor, expectNoMail } from "../fixtures/mailbox";
import { requestSignInLink, signInWithLink } from "../fixtures/sign-in";

test.describe("[AUTH][LINK]", () => {
  test("[AUTH][LINK]: a member (not an admin) signs in by link and is refused the console with a 403", async ({ page }, testInfo) => {
    await signInWithLink(page, people.priya.email);

    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByRole("heading", { name: "You don’t have access to the admin console" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Members" })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("forbidden-page.png"), fullPage: true });
    await testInfo.attach("403 page", { path: testInfo.outputPath("forbidden-page.png"), contentType: "image/png" });

    for (const path of ["/console", "/console/directories", "/console/activity"]) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }

    // Signed in (so not 401), but not allowed.
    const api = await page.request.get("/api/console/members");
    expect(api.status()).toBe(403);
    expect(await api.json()).toEqual({ error: "Only workspace owners and admins can do this." });
    expect((await page.request.get("/api/console/activity")).status()).toBe(403);
    expect((await page.request.get("/api/console/activity/export")).status()).toBe(403);
  });

  test("[AUTH][LINK]: a suspended member gets no link, and the page answers the same", async ({ page }) => {
    await clearMailFor(people.lena.email);
    await requestSignInLink(page, people.lena.email);
    await expect(page.getByText("If that address belongs to an active workspace member, a sign-in link is on its way.")).toBeVisible();
    await expectNoMail(people.lena.email, 2_500);
  });

  test("[AUTH][LINK]: an admin signs in by link and reaches the console; the link works only once", async ({ page, browser }) => {
    const link = await signInWithLink(page, people.marcus.email);

    await expect(page).toHaveURL(/\/console$/);
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    await expect(page.getByRole("button", { name: `Account menu for ${people.marcus.name}` })).toBeVisible();
    expect((await page.request.get("/api/console/members")).status()).toBe(200);

    const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(link);
      await expect(otherPage).toHaveURL(/\/login\?error=Verification/);
      await expect(otherPage.getByRole("alert").filter({ hasText: "That sign-in link has expired or was already used." })).toBeVisible();
    } finally {
      await other.close();
    }
  });
});
