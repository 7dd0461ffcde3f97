import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "caseboard-demo";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/t\/[^/]+\/cases/);
}

export function uniqueEmail(label: string) {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/** Adds a filter chip to the cases list: "Filter" → the field → each value, then closes the picker. */
export async function filterBy(page: Page, field: string, ...values: string[]) {
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.getByRole("listbox", { name: "Fields" }).getByRole("option", { name: field, exact: true }).click();
  const picker = page.getByRole("listbox", { name: `${field} values` });
  for (const value of values) await picker.getByRole("option", { name: new RegExp(`^${value}`) }).click();
  await page.keyboard.press("Escape");
}

/**
 * Clicks `button` until `opened` shows. Right after a navigation the button may be server-rendered
 * HTML that React has not hydrated yet, and a click on it then does nothing (seen on a busy machine).
 */
export async function clickUntilVisible(button: Locator, opened: Locator) {
  await expect(async () => {
    if (!(await opened.isVisible())) await button.click();
    await expect(opened).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
