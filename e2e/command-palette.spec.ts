import { expect, test } from "@playwright/test";
import { clickUntilVisible, filterBy, signIn } from "./helpers";

test("⌘K: type a case number, Enter opens it; pages are one keystroke away", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.goto("/t/acme/cases?status=OPEN");
  await page.waitForLoadState("networkidle");
  const label = await page.locator("tbody tr").nth(2).getByRole("checkbox").getAttribute("aria-label");
  const number = label!.replace(/\D/g, "");

  await page.keyboard.press("ControlOrMeta+k");
  const input = page.getByPlaceholder("Case number, search, or a page…");
  await expect(input).toBeFocused();
  await input.fill(`#${number}`);
  await expect(page.getByRole("option", { name: `Open case #${number}` })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/t/acme/cases/${number}$`));
  await expect(page.getByText(`#${number}`, { exact: true })).toBeVisible();

  // Actions apply to the open case.
  await page.keyboard.press("ControlOrMeta+k");
  await input.fill("assign");
  await page.getByRole("option", { name: /Assign to me/ }).click();
  await expect(page.getByRole("status").filter({ hasText: `Case #${number}: assigned to you.` })).toBeVisible();
  await expect(page.getByLabel("Assignee")).toHaveValue(/.+/);
  await expect(page.getByLabel("Assignee").locator("option:checked")).toHaveText("Ava Agent");

  await page.keyboard.press("ControlOrMeta+k");
  await input.fill("custom");
  await page.getByRole("option", { name: "Customers" }).click();
  await expect(page).toHaveURL(/\/t\/acme\/customers$/);
});

test("save the current filters as a view, then apply it from the views menu", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.waitForLoadState("networkidle");
  await filterBy(page, "Priority", "Urgent");
  await expect(page).toHaveURL(/priority=URGENT/);

  const name = `Urgent ${Date.now().toString(36)}`;
  // "Views", or "Views: <name>" when an earlier run saved a view with these filters.
  await page.getByRole("button", { name: /^Views/ }).click();
  await page.getByRole("button", { name: "Save current view…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save current view" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Share with the team").check();
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();
  // The list now shows that view, so the menu button carries its name (the one just saved, even
  // if another view holds the same filters).
  await expect(page.getByRole("button", { name: `Views: ${name}`, exact: true })).toBeVisible();

  await page.goto("/t/acme/cases");
  await page.getByRole("button", { name: "Views", exact: true }).click();
  await page.getByRole("group", { name: "Shared" }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(/priority=URGENT/);
  await expect(page.getByRole("button", { name: "Priority is Urgent: change values" })).toBeVisible();
});

test("merge a duplicate into the open case; the duplicate points to it", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await filterBy(page, "Status", "Open");
  await expect(page).toHaveURL(/status=OPEN/);
  const numbers = await page.locator("tbody tr").evaluateAll((rows) =>
    rows.slice(0, 2).map((r) => (r.querySelector("input[type=checkbox]")?.getAttribute("aria-label") ?? "").replace(/\D/g, "")),
  );
  const [target, duplicate] = numbers as [string, string];

  await page.goto(`/t/acme/cases/${target}`);
  const dialog = page.getByRole("dialog", { name: `Merge a duplicate into #${target}` });
  await clickUntilVisible(page.getByRole("button", { name: "Merge a duplicate" }), dialog);
  await dialog.getByLabel("Duplicate case number").fill(duplicate);
  await expect(dialog.getByLabel("Duplicate preview")).toContainText(/messages?/);
  await dialog.getByRole("button", { name: `Merge #${duplicate} into #${target}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`merged #${duplicate} into this case`)).toBeVisible();

  await page.goto(`/t/acme/cases/${duplicate}`);
  await expect(page.getByRole("note")).toContainText(`Merged into #${target}`);
  await page.getByRole("note").getByRole("link", { name: `#${target}` }).click();
  await expect(page).toHaveURL(new RegExp(`/t/acme/cases/${target}$`));
});

test("search: the palette finds cases as you type (the last word a prefix); the search page ranks and marks them", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.keyboard.press("ControlOrMeta+k");
  const input = page.getByPlaceholder("Case number, search, or a page…");
  await input.fill("arrived damag");
  await expect(page.getByRole("option", { name: /Order arrived damaged/ }).first()).toBeVisible();
  await page.getByRole("option", { name: /Search everything for “arrived damag”/ }).click();
  await expect(page).toHaveURL(/\/t\/acme\/search\?q=arrived\+damag/);

  const cases = page.getByRole("region", { name: /Cases/ });
  const first = cases.getByRole("link").filter({ hasText: "Order arrived damaged" }).first();
  await expect(first).toBeVisible();
  await expect(first.locator("mark").first()).toBeVisible();
  // Typing refines the results and the URL follows.
  await page.getByRole("searchbox", { name: "Search cases and customers" }).fill("-damaged arrived");
  await expect(page).toHaveURL(/q=-damaged\+arrived/);
  await expect(cases.getByRole("link").filter({ hasText: "Order arrived damaged" })).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Search cases and customers" }).fill("arrived damaged");
  await cases.getByRole("link").filter({ hasText: "Order arrived damaged" }).first().click();
  await expect(page).toHaveURL(/\/t\/acme\/cases\/\d+$/);
});
