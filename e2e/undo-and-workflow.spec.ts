import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const undoToast = (page: Page) => page.locator("[data-sonner-toast]").first();

test("a new case with its customer created on the spot; pending pauses the SLA; ⌘Z and the toast's Undo take changes back", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.goto("/t/acme/cases/new");
  const title = `Undo check ${Date.now().toString(36)}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Category").selectOption("Problem");
  // No customer of that name yet: create it from the picker.
  const customer = `Zoë Quill ${Date.now().toString(36)}`;
  await page.getByRole("combobox", { name: "Customer" }).fill(customer);
  await page.getByRole("option", { name: `Create customer “${customer}”` }).click();
  await page.getByLabel("Customer company").fill("Quill & Co");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByText(`${customer} · Quill & Co`)).toBeVisible();
  // A tag in another script is a tag; a bad one says why.
  await page.getByLabel("Tags").fill("café, #bad");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Tags use letters, digits, spaces, - and _")).toBeVisible();
  await page.getByLabel("Tags").fill("café, billing");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("region", { name: "Properties" })).toContainText("Problem");
  await expect(page.getByRole("region", { name: "Properties" })).toContainText("café, billing");

  // A new case may go straight to pending, snoozed or resolved.
  const controls = page.getByLabel("Change status");
  for (const name of ["Open", "Mark pending", "Snooze…", "Resolve"]) await expect(controls.getByRole("button", { name })).toBeVisible();
  await controls.getByRole("button", { name: "Mark pending" }).click();
  await expect(page.getByText("Resolution paused")).toBeVisible();
  await expect(undoToast(page)).toContainText("pending");
  // ⌘Z / Ctrl+Z outside a text field takes the last action back.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("ControlOrMeta+z");
  await expect(undoToast(page)).toContainText("Undone");
  await expect(controls.getByRole("button", { name: "Mark pending" })).toBeVisible();
  await expect(page.getByText("undid the status change: back from Pending to New")).toBeVisible();

  // From the list: e resolves the focused case, the toast's Undo brings it back.
  await page.goto(`/t/acme/cases?tab=all&q=${encodeURIComponent(`"${title}"`)}`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("New");
  await row.click();
  await page.keyboard.press("e");
  const toast = undoToast(page);
  await expect(toast).toContainText("Resolved");
  await expect(row).toContainText("Resolved");
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(toast).toContainText("Undone");
  await expect(row).toContainText("New");
});

test("an admin of a new organisation sees the first steps on the overview, and may dismiss them for everyone", async ({ page }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/t/acme");
  const checklist = page.getByRole("region", { name: "Get started" });
  await expect(checklist).toBeVisible();
  // The demo organisation has cases: that step is done; the rest link to where it is done.
  await expect(checklist.getByRole("listitem", { name: "Create your first case: done" })).toBeVisible();
  await expect(checklist.getByRole("link", { name: "Invite" }).or(checklist.getByRole("listitem", { name: "Invite your team: done" })).first()).toBeVisible();
  await checklist.getByRole("button", { name: "Dismiss" }).click();
  await expect(checklist).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(checklist).toBeHidden();
});
