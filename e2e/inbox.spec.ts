import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a case assigned to Arlo lands in his inbox live, with the badge and tab title; e marks it done", async ({ browser }) => {
  const [avaContext, arloContext] = [await browser.newContext(), await browser.newContext()];
  const ava = await avaContext.newPage();
  const arlo = await arloContext.newPage();
  await signIn(ava, "agent@acme.test");
  await signIn(arlo, "agent2@acme.test");
  await arlo.goto("/t/acme/inbox");
  await expect(arlo.getByRole("heading", { name: "Inbox" })).toBeVisible();
  const items = arlo.getByRole("list", { name: "Inbox items" }).getByRole("listitem");
  const before = await items.filter({ hasText: "assigned" }).count();

  const title = `Inbox case ${Date.now().toString(36)}`;
  await ava.goto("/t/acme/cases/new");
  await ava.getByLabel("Title").fill(title);
  await ava.getByRole("button", { name: "Create case" }).click();
  await expect(ava.getByRole("heading", { name: title })).toBeVisible();
  await ava.getByLabel("Assignee").selectOption({ label: "Arlo Agent" });

  // Without a reload: the item, the sidebar count and the tab title.
  const item = items.filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item).toContainText("Ava Agent assigned");
  await expect(arlo.getByRole("link", { name: /Inbox .*unread/ })).toBeVisible();
  await expect(arlo).toHaveTitle(/^\(\d+\+?\) /);
  expect(await items.filter({ hasText: "assigned" }).count()).toBe(before + 1);

  // It is the newest, so the highlighted one: e marks it done, and the Done view has it.
  await expect(items.first()).toContainText(title);
  await arlo.keyboard.press("e");
  await expect(item).toBeHidden();
  await arlo.getByRole("tab", { name: "Done" }).click();
  await expect(items.filter({ hasText: title })).toBeVisible();
  await avaContext.close();
  await arloContext.close();
});
