import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin imports cases from CSV (one bad row), sees them listed, and exports them", async ({ page }) => {
  const marker = `impmark${Date.now().toString(36)}`;
  const csv = [
    "Title,Priority,Description",
    `${marker} printer jammed,high,Floor 3`,
    `${marker} =formula title,low,"Quoted, with comma"`,
    "no,normal,Too short a title",
  ].join("\n");

  await signIn(page, "admin@acme.test");
  await page.goto("/t/acme/imports");
  await expect(page.getByRole("heading", { name: "Imports" }).first()).toBeVisible();

  await page.getByLabel("Import", { exact: true }).selectOption("cases");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: `${marker}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();

  // Mapping: headers suggested by name, the required field marked.
  await expect(page.getByText("2. Map columns")).toBeVisible();
  await expect(page.getByLabel("Title *", { exact: true })).toHaveValue("Title");
  await expect(page.getByLabel("Priority", { exact: true })).toHaveValue("Priority");
  await page.getByRole("button", { name: "Start import" }).click();

  const row = page.getByTestId("import-row").filter({ hasText: `${marker}.csv` });
  await expect(row.getByText("Done")).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId("import-counts")).toHaveText("3 total · 2 imported · 0 duplicates · 1 rejected");
  await expect(row.getByRole("link", { name: "Rejected rows" })).toBeVisible();

  await page.goto(`/t/acme/cases?q=${marker}`);
  await expect(page.getByRole("link", { name: `${marker} printer jammed` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${marker} =formula title` })).toBeVisible();

  await page.getByRole("button", { name: "Export CSV" }).click();
  const link = page.getByRole("link", { name: "Download CSV" });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
  const content = await readFile((await download.path())!, "utf8");
  expect(content).toContain(`${marker} printer jammed`);
  // Exactly the filtered cases: header + two rows, and the formula-looking title stays text.
  expect(content.trim().split("\n")).toHaveLength(3);
  expect(content).toContain(`${marker} =formula title`);
});
