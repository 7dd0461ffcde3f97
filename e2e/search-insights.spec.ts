// Search analytics end to end: a search from the palette, a result opened from it, and the admin's
// report showing the query with its click-through; the member's palette then offers it again.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a palette search and the result opened from it appear in search insights", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  // A query of its own, so other tests' searches do not change what this one reads.
  // Nothing is like it either, so not even similar titles come back.
  const words = `qzx${Date.now().toString(36)}vwj`;
  await page.keyboard.press("ControlOrMeta+k");
  const input = page.getByPlaceholder("Case number, search, or a page…");
  await input.fill("arrived damag");
  await page.getByRole("option", { name: /Order arrived damaged/ }).first().click();
  await expect(page).toHaveURL(/\/t\/acme\/cases\/\d+$/);
  await page.keyboard.press("ControlOrMeta+k");
  await input.fill(words);
  // The search has run (debounced) once its count shows.
  await expect(page.getByRole("option", { name: /Search everything for .* 0 cases/ })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await page.getByRole("navigation", { name: "Insights" }).getByRole("link", { name: "Search" }).click();
  await expect(page.getByRole("heading", { name: "Search insights" })).toBeVisible();
  const top = page.getByRole("region", { name: "Top queries" });
  const row = top.getByRole("row").filter({ has: page.getByRole("cell", { name: "arrived damag", exact: true }) });
  await expect(row).toBeVisible();
  // Opened from at least one of its searches, at a position of 1 or more.
  await expect(row.getByRole("cell").nth(2)).not.toHaveText("0 %");
  await expect(page.getByRole("region", { name: "Found nothing" }).getByText(words)).toBeVisible();

  // The palette offers the member's own recent searches before anything is typed.
  await page.keyboard.press("ControlOrMeta+k");
  await expect(page.getByRole("group", { name: "Recent searches" }).getByRole("option", { name: words })).toBeVisible();
});

test("an agent has no Search tab in Insights and is refused the page", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "Trending topics" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Insights" }).getByRole("link", { name: "Search" })).toHaveCount(0);
  const response = await page.goto("/t/acme/insights/search");
  expect(response?.status()).toBe(403);
});
