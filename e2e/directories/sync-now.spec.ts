import { expect, test } from "@playwright/test";
import { ownerPassword, people } from "../fixtures/env";
import { createConnection, disableConnection, scim, snap } from "../fixtures/directory";
import { signInWithPassword } from "../fixtures/sign-in";

test.describe("[SYNC]", () => {
  test("[SYNC]: an admin presses Sync now, watches the run, and finds it in the history and the activity log", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await signInWithPassword(page, people.owner.email, ownerPassword);
    const name = `Okta sync ${Date.now().toString(36)}`;
    const { baseUrl, token } = await createConnection(page, testInfo, name, "Okta");
    const okta = scim(baseUrl, token);
    for (const person of ["sam.lee", "ivy.chen", "raj.patel"]) {
      const created = await okta("POST", "/Users", {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: `${person}@acme.test`,
        emails: [{ primary: true, value: `${person}@acme.test`, type: "work" }],
        active: true,
      });
      expect(created.status).toBe(201);
    }

    const tabs = page.getByRole("navigation", { name: "Directory" });
    await tabs.getByRole("link", { name: "Sync", exact: true }).click();
    await expect(page.getByText("No sync has run yet")).toBeVisible();
    await expect(page.getByText(/^Next run: (in \d+ minutes|being scheduled \(within a minute\))$/)).toBeVisible();
    await snap(page, testInfo, "03-sync-empty");

    // While the run is queued or running, the button says why it cannot be pressed again.
    const syncNow = page.getByRole("button", { name: "Sync now" });
    await syncNow.click();
    await expect(syncNow).toBeDisabled();
    await expect(page.getByText(/A sync is (queued|running)/)).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Members processed" })).toBeVisible();
    await snap(page, testInfo, "04-sync-running");

    // Done: the history has the run with its counts; the button is back.
    const history = page.getByRole("table", { name: "Sync runs" });
    const finished = history.getByRole("row").filter({ hasText: "Manual" });
    await expect(finished.getByText("succeeded")).toBeVisible({ timeout: 60_000 });
    await expect(syncNow).toBeEnabled();
    await expect(page.getByText("No sync is running.")).toBeVisible();
    // Checked: the three provisioned members.
    await expect(finished.getByRole("cell").nth(4)).toHaveText("3");
    await snap(page, testInfo, "05-sync-finished");

    // The schedule: a longer interval moves the next run.
    await page.getByLabel("Interval").click();
    await page.getByRole("option", { name: "Every 2 hours" }).click();
    await expect(page.getByText(/^Next run: in (2 hours|\d+ minutes)$/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Interval")).toHaveText("Every 2 hours");

    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("table", { name: "Activity" }).getByText("sync.finished").first()).toBeVisible();
    await snap(page, testInfo, "06-activity");

    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Directory Sync" }).click();
    await page.getByRole("link", { name }).click();
    await disableConnection(page, name);
  });
});
