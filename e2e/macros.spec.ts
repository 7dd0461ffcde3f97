import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const toast = (page: Page) => page.locator("[data-sonner-toast]").first();

test("an agent saves a macro, runs it from a reply (filled for the case, actions with Send), and from the bulk bar with Undo; the bar moves cases between teams", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  const tag = Date.now().toString(36);
  const name = `Chase ${tag}`;

  await page.goto("/t/acme/settings/macros");
  await page.getByRole("button", { name: "New macro" }).click();
  await page.getByLabel("Name").fill(name);
  // A macro that does nothing is refused, and says so.
  await page.getByRole("button", { name: "Create macro" }).click();
  await expect(page.getByText("Choose at least one action")).toBeVisible();
  await page.getByLabel("Message").selectOption("PUBLIC_REPLY");
  await page.getByLabel("Reply", { exact: true }).fill("Hi {{customer.firstName}}, any news on #{{case.number}}?");
  await page.getByLabel("Status").selectOption("PENDING");
  await page.getByLabel("Add tags").fill(`chased-${tag}`);
  await page.getByRole("button", { name: "Create macro" }).click();
  const mine = page.getByRole("list", { name: "Yours macros" });
  await expect(mine.getByRole("button", { name: `Edit ${name}` })).toBeVisible();
  await expect(mine.getByRole("list", { name: `What ${name} does` })).toHaveText(/Reply\s*Pending\s*\+chased-/);

  await page.goto("/t/acme/cases/new");
  const title = `Macro target ${tag}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const number = /\/cases\/(\d+)/.exec(page.url())?.[1];

  const reply = page.locator("#message-body");
  await reply.click();
  await reply.pressSequentially(`/chase ${tag}`);
  const list = page.getByRole("listbox", { name: "Insert a canned response or macro" });
  await expect(list.getByRole("option")).toHaveCount(1);
  await expect(list).toContainText("Macro · Reply · Pending");
  await page.keyboard.press("Enter");
  // No customer on the case: the placeholder goes, the comma stays tidy.
  await expect(reply).toHaveValue(`Hi, any news on #${number}?`);
  await expect(page.getByText(`Macro “${name}” runs with Send`)).toBeVisible();
  await reply.pressSequentially(" Thanks!");
  await page.getByRole("button", { name: "Send and apply" }).click();
  await expect(toast(page)).toContainText(`Applied “${name}”`);
  await expect(page.getByRole("article", { name: "Reply" }).filter({ hasText: `Hi, any news on #${number}? Thanks!` })).toBeVisible();
  const properties = page.getByRole("region", { name: "Properties" });
  await expect(properties).toContainText(`chased-${tag}`);
  await expect(page.getByRole("button", { name: "Send reply" })).toBeVisible();

  // The bulk bar: the demo's "Take and open" assigns to the member and opens; Undo takes both back.
  await page.goto(`/t/acme/cases?tab=all&q=${encodeURIComponent(`"${title}"`)}`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("Unassigned");
  await row.getByRole("checkbox", { name: `Select case #${number}` }).check();
  await page.getByLabel("Apply a macro to selected").selectOption({ label: "Take and open" });
  await expect(toast(page)).toContainText("Applied “Take and open”");
  await expect(row).toContainText("Open");
  await expect(row).toContainText("Ava Agent");
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(toast(page)).toContainText("Undone");
  await expect(row).toContainText("Pending");
  await expect(row).toContainText("Unassigned");

  // The bar moves cases into a team as well, with the same Undo.
  await row.getByRole("checkbox", { name: `Select case #${number}` }).check();
  await page.getByLabel("Move selected to a team").selectOption({ label: "Billing" });
  await expect(row).toContainText("Billing");
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(toast(page)).toContainText("Undone");
  await expect(row).not.toContainText("Billing");
});
