import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an agent saves a canned response, inserts it with / in a reply filled for the case, previews the Markdown and sends it", async ({ page }) => {
  await signIn(page, "agent@acme.test");
  const tag = Date.now().toString(36);
  const title = `Ack ${tag}`;

  await page.goto("/t/acme/settings/canned-responses");
  await page.getByRole("button", { name: "New canned response" }).click();
  await page.getByLabel("Name").fill(title);
  // A typo in a placeholder is refused with the list of the right ones, and nothing is lost.
  await page.getByLabel("Text").fill("Thanks, {{agent.nme}} is on case #{{case.number}} now.");
  await page.getByRole("button", { name: "Create response" }).click();
  await expect(page.getByText(/Unknown placeholder \{\{agent\.nme\}\}: use .*\{\{agent\.name\}\}/)).toBeVisible();
  await page.getByLabel("Text").fill("Thanks, {{agent.name}} is on case #{{case.number}} now.");
  await page.getByRole("button", { name: "Create response" }).click();
  await expect(page.getByRole("list", { name: "Yours canned responses" }).getByRole("button", { name: `Edit ${title}` })).toBeVisible();

  await page.goto("/t/acme/cases/new");
  const caseTitle = `Canned reply ${tag}`;
  await page.getByLabel("Title").fill(caseTitle);
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByRole("heading", { name: caseTitle })).toBeVisible();
  const number = /\/cases\/(\d+)/.exec(page.url())?.[1];
  expect(number).toBeTruthy();

  const reply = page.locator("#message-body");
  await reply.click();
  await reply.pressSequentially(`/ack ${tag}`);
  const list = page.getByRole("listbox", { name: "Insert a canned response" });
  await expect(list.getByRole("option")).toHaveCount(1);
  await expect(list).toContainText(title);
  await page.keyboard.press("Enter");
  const filled = `Thanks, Ava Agent is on case #${number} now.`;
  await expect(reply).toHaveValue(filled);
  await expect(list).toBeHidden();

  // Markdown: the preview shows it rendered, and so does the timeline once sent.
  await reply.press("End");
  await reply.pressSequentially(" **Ready**");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("Ready");
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByText("Reply sent.")).toBeVisible();
  const sent = page.getByRole("article", { name: "Reply" }).filter({ hasText: filled });
  await expect(sent.locator("strong")).toHaveText("Ready");
});
