// The search page's facets in a browser: a facet narrows the cases and goes into the URL, and the
// server page (which prefetches) reads the filters back from it.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a facet narrows the search, stays in the URL, and the server page reads it back on reload", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.goto("/t/acme/search?q=order");
  const facets = page.getByRole("complementary", { name: "Narrow the cases" });
  const heading = page.getByRole("region", { name: /Cases/ }).getByRole("heading");
  await expect(heading).toHaveText(/Cases \(\d+\)/);
  const all = Number((await heading.textContent())!.match(/\((\d+)\)/)![1]);
  const email = facets.getByRole("checkbox", { name: /^Email \d+$/ });
  const label = (await facets.locator("label").filter({ hasText: /^Email/ }).textContent())!;
  const expected = Number(label.match(/(\d+)$/)![1]);
  await email.check();
  await expect(page).toHaveURL(/channel=EMAIL/);
  await expect(heading).toHaveText(`Cases (${expected})`);
  expect(expected).toBeLessThanOrEqual(all);
  await expect(page.getByRole("button", { name: "Remove filter Channel: Email" })).toBeVisible();

  // Reloaded, the server page reads the same filters.
  await page.reload();
  await expect(page.getByRole("complementary", { name: "Narrow the cases" }).getByRole("checkbox", { name: /^Email \d+$/ })).toBeChecked();
  await expect(page.getByRole("region", { name: /Cases/ }).getByRole("heading")).toHaveText(`Cases (${expected})`);
});
