import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a case Ava shares with Arlo lands in his inbox live: the sidebar count goes up without a reload, the item carries her note", async ({ browser }) => {
  const [avaContext, arloContext] = [await browser.newContext(), await browser.newContext()];
  const ava = await avaContext.newPage();
  const arlo = await arloContext.newPage();
  await signIn(ava, "agent@acme.test");
  await signIn(arlo, "agent2@acme.test");

  // Arlo works the cases list; the sidebar's Inbox link shows his open unread count.
  await arlo.goto("/t/acme/cases");
  const inboxLink = arlo.getByRole("link", { name: /^Inbox\b/ }).first();
  await expect(inboxLink).toBeVisible();
  const badge = inboxLink.locator('[aria-label$=" unread"]');
  const before = (await badge.count()) ? parseInt((await badge.getAttribute("aria-label")) ?? "0", 10) : 0;

  const title = `Shared case ${Date.now().toString(36)}`;
  await ava.goto("/t/acme/cases/new");
  await ava.getByLabel("Title").fill(title);
  await ava.getByRole("button", { name: "Create case" }).click();
  await expect(ava.getByRole("heading", { name: title })).toBeVisible();

  const note = "Arlo, this customer asked for you by name";
  await ava.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = ava.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Arlo Agent").check();
  await dialog.getByLabel("Note").fill(note);
  await dialog.getByRole("button", { name: "Share", exact: true }).click();
  await expect(dialog.getByText("Shared with 1 person.")).toBeVisible();

  // Without a reload: the count goes up; the inbox has the item with the note and the case.
  await expect(badge).toHaveAttribute("aria-label", `${before + 1} unread`);
  await inboxLink.click();
  await expect(arlo.getByRole("heading", { name: "Inbox" })).toBeVisible();
  const item = arlo.getByRole("list", { name: "Inbox items" }).getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("Ava Agent shared #");
  await expect(item).toContainText(note);

  // The case's timeline says it was shared, with the note.
  await item.getByRole("link").click();
  await expect(arlo.getByRole("heading", { name: title })).toBeVisible();
  await expect(arlo.getByText(/shared the case with .*Arlo Agent/)).toBeVisible();
  await avaContext.close();
  await arloContext.close();
});
