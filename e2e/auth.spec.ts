import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("signed-out visitors are sent to sign in and come back after", async ({ page }) => {
  await page.goto("/t/acme/cases");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill("agent@acme.test");
  await page.getByLabel("Password").fill("caseboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/t\/acme\/cases/);
  await expect(page.getByRole("heading", { name: "Cases" })).toBeVisible();
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("agent@acme.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The email or password is not right.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("demo agent sees the demo cases and opens one", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  const rows = page.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(5);
  await page.getByRole("tab", { name: /^All/ }).click();
  await expect(page).toHaveURL(/tab=all/);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await page.locator("tbody tr a").first().click();
  await expect(page).toHaveURL(/\/t\/acme\/cases\/\d+$/);
  await expect(page.getByRole("heading", { name: "Description" })).toBeVisible();
});

test("a page the member's role cannot open answers 403 with an explanation, not an error", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  for (const path of ["/t/acme/settings/audit", "/t/acme/settings/api-keys"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Your role cannot open this page" })).toBeVisible();
  }
});
