import { expect, test } from "@playwright/test";
import { filterBy, signIn } from "./helpers";

test("filter chips: several values, 'is not', kept in the URL across a reload, removed with ×", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.goto("/t/acme/cases?tab=all");
  await filterBy(page, "Status", "Open", "Pending");
  await expect(page).toHaveURL(/status=OPEN%2CPENDING/);
  const chip = page.getByRole("button", { name: "Status is Open, Pending: change values" });
  await expect(chip).toBeVisible();
  const statuses = page.locator("tbody tr td:nth-child(4)");
  await expect(statuses.first()).toBeVisible();
  for (const text of await statuses.allInnerTexts()) expect(text).toMatch(/Open|Pending/);

  await page.getByRole("button", { name: "Status is: change to is not" }).click();
  await expect(page).toHaveURL(/notStatus=OPEN%2CPENDING/);
  await expect(page).not.toHaveURL(/[?&]status=/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Status is not Open, Pending: change values" })).toBeVisible();
  await expect(statuses.first()).toBeVisible();
  for (const text of await statuses.allInnerTexts()) expect(text).not.toMatch(/Open|Pending/);

  await page.getByRole("button", { name: "Remove the status filter" }).click();
  await expect(page).not.toHaveURL(/Status=/i);
});

test("pages: '1–25 of N', next and previous; a column header sorts", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.goto("/t/acme/cases?tab=all");
  const range = page.getByRole("navigation", { name: "Pagination" }).locator("[aria-live]");
  await expect(range).toHaveText(/^1–25 of \d+$/);
  const total = (await range.innerText()).split(" of ")[1];
  const firstTitle = await page.locator("tbody tr").first().locator("a").innerText();
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(range).toHaveText(`26–50 of ${total}`);
  await expect(page).toHaveURL(/page=2/);
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(range).toHaveText(`1–25 of ${total}`);
  await expect(page.locator("tbody tr").first().locator("a")).toHaveText(firstTitle);

  await page.getByRole("columnheader", { name: "Priority" }).getByRole("button").click();
  await expect(page).toHaveURL(/sort=priority/);
  await expect(page.getByRole("columnheader", { name: "Priority" })).toHaveAttribute("aria-sort", "descending");
  await expect(page.locator("tbody tr").first().getByText("Urgent")).toBeVisible();
});

test("preview pane: p opens it beside the list, j/k move it, the choice follows the member", async ({ page }) => {
  await signIn(page, "agent2@acme.test");
  await page.goto("/t/acme/cases?tab=all");
  await page.getByRole("heading", { name: "Cases" }).click();
  await page.keyboard.press("p");
  const preview = page.getByRole("complementary", { name: "Case preview" });
  await expect(preview).toBeVisible();
  const rows = page.locator("tbody tr");
  // Nothing focused yet: the first case shows.
  const title = (i: number) => rows.nth(i).locator("a").getAttribute("href");
  await expect(preview.getByRole("link", { name: /Open case #\d+/ })).toHaveAttribute("href", (await title(0))!);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(preview.getByRole("link", { name: /Open case #\d+/ })).toHaveAttribute("href", (await title(1))!);
  await page.keyboard.press("k");
  await expect(preview.getByRole("link", { name: /Open case #\d+/ })).toHaveAttribute("href", (await title(0))!);
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText(await rows.nth(0).locator("a").innerText());

  // Kept on the membership: a reload (any device) opens with the pane.
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(preview).toBeVisible();
  await page.getByRole("button", { name: "Display" }).click();
  await page.getByRole("radio", { name: "compact" }).click();
  // The saves go one after another; the last one's answer means both are kept.
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/t/acme/cases"));
  await page.getByRole("switch").uncheck();
  await expect(preview).toBeHidden();
  await saved;
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(preview).toBeHidden();
  await expect(rows.first().locator("td").nth(1)).toHaveClass(/py-1\.5/);
  // Back to the defaults for the other specs.
  await page.getByRole("button", { name: "Display" }).click();
  await page.getByRole("radio", { name: "comfortable" }).click();
  await expect(rows.first().locator("td").nth(1)).toHaveClass(/py-3/);
  await page.waitForLoadState("networkidle");
});
