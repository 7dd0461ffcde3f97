import { expect, test } from "@playwright/test";
import { signIn, uniqueEmail } from "./helpers";

test("sign up, create a case, see it; another tenant gets not found", async ({ page, browser }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Nora Newcomer");
  await page.getByLabel("Work email").fill(uniqueEmail("nora"));
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByLabel("Organisation").fill("Initech Help Desk");
  await page.getByRole("button", { name: "Create organisation" }).click();

  await expect(page).toHaveURL(/\/t\/initech-help-desk[^/]*\/cases/);
  await expect(page.getByText("No cases here")).toBeVisible();

  await page.getByRole("link", { name: "New case" }).first().click();
  await expect(page.getByRole("heading", { name: "New case" })).toBeVisible();
  // A title that is too short is refused beside the field, and nothing is lost.
  await page.getByLabel("Title").fill("Hi");
  await page.getByLabel("Description").fill("The printer on floor 3 shows error E-42.");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Use at least 3 characters")).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("The printer on floor 3 shows error E-42.");

  await page.getByLabel("Title").fill("Printer on floor 3 is jammed");
  await page.getByLabel("Priority").selectOption("HIGH");
  await page.getByLabel("Tags").fill("hardware, office");
  await page.getByRole("button", { name: "Create case" }).click();

  await expect(page).toHaveURL(/\/cases\/1$/);
  await expect(page.getByRole("heading", { name: "Printer on floor 3 is jammed" })).toBeVisible();
  await expect(page.getByText("hardware, office")).toBeVisible();
  const caseUrl = page.url();

  await page.getByRole("link", { name: "← Cases" }).click();
  await expect(page.getByRole("link", { name: "Printer on floor 3 is jammed" })).toBeVisible();

  // A member of another tenant opening that URL learns nothing about it.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "owner@globex.test");
  const response = await otherPage.goto(caseUrl);
  expect(response?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(otherPage.getByText("Printer on floor 3 is jammed")).toHaveCount(0);
  await other.close();
});

test("a viewer reads the cases list without selection boxes, which are for bulk changes; an agent has them", async ({ page, browser }) => {
  await signIn(page, "viewer@acme.test");
  const rows = page.getByRole("row").filter({ has: page.getByRole("link") });
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Select (all on this page|case #)/ })).toHaveCount(0);
  // x (select) does nothing for them: no row is marked selected.
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(page.locator('tr[aria-selected="true"]')).toHaveCount(0);

  const other = await browser.newContext();
  const agent = await other.newPage();
  await signIn(agent, "agent@acme.test");
  await expect(agent.getByRole("checkbox", { name: "Select all on this page" })).toBeVisible();
  await other.close();
});
