import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("below 768 px the account menu holds sign out, change password and the theme; the navigation scrolls", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "admin@acme.test");
  // The sidebar's account block is a desktop thing; here the avatar button opens the same links.
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();
  const account = page.getByRole("button", { name: "Account" });
  // A click before React has hydrated the button does nothing (seen on a loaded machine): click
  // again until the menu says it is open.
  await expect(async () => {
    if ((await account.getAttribute("aria-expanded")) !== "true") await account.click();
    await expect(account).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const menu = page.getByRole("region", { name: "Account" });
  await expect(menu).toContainText("admin@acme.test");
  await expect(menu.getByRole("link", { name: "Change password" })).toBeVisible();
  await menu.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  // Escape closes it; every navigation item can be reached by scrolling the bar sideways.
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  const settings = page.getByRole("link", { name: "Settings" });
  await settings.scrollIntoViewIfNeeded();
  await expect(settings).toBeInViewport();
  await account.click();
  await menu.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

// The button sits at the left for an agent (New case and Export beside it) and at the right for a
// viewer (alone): the menu opens inside the screen either way.
for (const who of ["agent", "viewer"]) {
  test(`below 768 px the saved-views menu opens inside the screen (${who})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, `${who}@acme.test`);
    await page.waitForLoadState("networkidle");
    const button = page.getByRole("button", { name: /^Views/ });
    await expect(async () => {
      if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
      await expect(button).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const menu = page.getByRole("region", { name: "Saved views" });
    // It hung from the button's right edge, which is at the left for an agent: half of it was off screen.
    const box = (await menu.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expect(menu.getByRole("button", { name: "Save current view…" })).toBeInViewport({ ratio: 1 });
  });
}

test("an irreversible action asks in the app's own dialog, and Cancel keeps everything", async ({ page }) => {
  // The browser's confirm() would be answered here and fail the test.
  page.on("dialog", (dialog) => {
    throw new Error(`a browser dialog appeared: ${dialog.message()}`);
  });
  await signIn(page, "admin@acme.test");
  await page.goto("/t/acme/settings/api-keys");
  const name = `e2e confirm ${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
  await expect(dialog).toContainText("Scripts using it stop working at once.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Active");

  await row.getByRole("button", { name: "Revoke" }).click();
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
});

test("the site has a favicon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
});
