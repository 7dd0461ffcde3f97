import { expect, test } from "@playwright/test";
import { filterBy, signIn } from "./helpers";

test("an agent's morning: Mine tab, filter, open with the keyboard, reply, note with a mention, resolve", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  await page.waitForLoadState("networkidle");

  await page.getByRole("tab", { name: /Mine/ }).click();
  await expect(page).toHaveURL(/tab=mine/);
  await filterBy(page, "Status", "Open");
  await expect(page).toHaveURL(/status=OPEN/);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasNotText: "Open" })).toHaveCount(0);
  const listUrl = page.url();

  // Keys belong to the list only when no field has focus.
  await page.getByRole("heading", { name: "Cases" }).click();
  const firstRow = page.locator("tbody tr").first();
  const caseLabel = await firstRow.getByRole("checkbox").getAttribute("aria-label");
  const number = caseLabel!.replace(/\D/g, "");
  await page.keyboard.press("j");
  await expect(firstRow).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/t/acme/cases/${number}$`));
  await page.waitForLoadState("networkidle");

  // The form's schema loads with its first submit (not with the page): an empty reply is refused.
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Write something first")).toBeVisible();
  const reply = "Thanks for your patience, I am looking into this right now.";
  await page.getByRole("textbox", { name: "Reply" }).fill(reply);
  await page.getByRole("button", { name: "Send reply" }).click();
  // The case page has more than one live region (the composer's notice, "… is replying", the connection).
  await expect(page.getByRole("status").filter({ hasText: "Reply sent." })).toBeVisible();
  await expect(page.getByRole("article", { name: "Reply" }).filter({ hasText: reply })).toBeVisible();

  await page.getByRole("radio", { name: "Internal note" }).click();
  const note = page.getByRole("textbox", { name: "Internal note" });
  await note.fill("");
  await note.pressSequentially("Could you check the billing side, @adam");
  await expect(page.getByRole("listbox", { name: "Mention a member" }).getByRole("option", { name: /Adam Admin/ })).toBeVisible();
  await note.press("Enter");
  await expect(note).toHaveValue("Could you check the billing side, @admin ");
  await note.pressSequentially("? Thanks.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Note added. Notified Adam Admin." })).toBeVisible();
  await expect(page.getByRole("article", { name: "Internal note" }).filter({ hasText: "@admin ? Thanks." })).toBeVisible();

  await page.getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(page.getByText("changed status from Open to Resolved")).toBeVisible();

  // Resolved, the case is no longer in the agent's open cases.
  await page.goto(listUrl);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await expect(page.getByRole("checkbox", { name: `Select case #${number}`, exact: true })).toHaveCount(0);
});
