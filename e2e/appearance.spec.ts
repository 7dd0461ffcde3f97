// Dark mode compared with approved screenshots (e2e/appearance.spec.ts-snapshots): a surface that
// stays white, text that turns unreadable or a control drawn in light colours shows up as a
// difference. Counts that change with the data (alert and inbox badges) are masked.
// After an intended change of the look: npx playwright test e2e/appearance.spec.ts --update-snapshots
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

test.use({ colorScheme: "dark", viewport: { width: 1280, height: 800 } });

const volatile = (page: Page) => [page.getByLabel(/active alerts|unread/)];

async function settled(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
}

test("the sign-in page in dark mode looks as approved", async ({ page }) => {
  await page.goto("/sign-in");
  await settled(page);
  await expect(page).toHaveScreenshot("sign-in-dark.png", { maxDiffPixelRatio: 0.01 });
});

test("the profile settings in dark mode look as approved", async ({ page }) => {
  await signIn(page, "viewer@acme.test");
  await page.goto("/t/acme/settings/profile");
  await settled(page);
  await expect(page).toHaveScreenshot("profile-dark.png", { mask: volatile(page), maxDiffPixelRatio: 0.01 });
});

test("the new case form in dark mode looks as approved", async ({ page }) => {
  await signIn(page, "agent2@acme.test");
  await page.goto("/t/acme/cases/new");
  await settled(page);
  await expect(page).toHaveScreenshot("new-case-dark.png", { mask: volatile(page), maxDiffPixelRatio: 0.01 });
});
