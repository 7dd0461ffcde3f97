import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function composer(page: Page) {
  return page.getByPlaceholder(/Write a reply to the customer|Only your team sees this/);
}

test("two agents on one case: live changes, presence, replying, the collision prompt and a kept draft", async ({ browser }) => {
  const [avaContext, arloContext] = [await browser.newContext(), await browser.newContext()];
  const ava = await avaContext.newPage();
  const arlo = await arloContext.newPage();
  await signIn(ava, "agent@acme.test");
  await signIn(arlo, "agent2@acme.test");

  // Arlo watches the cases list; Ava creates a case, and it appears for Arlo without a reload.
  await arlo.goto("/t/acme/cases?tab=all");
  const title = `Live case ${Date.now().toString(36)}`;
  await ava.goto("/t/acme/cases/new");
  await ava.getByLabel("Title").fill(title);
  await ava.getByRole("button", { name: "Create case" }).click();
  await expect(ava.getByRole("heading", { name: title })).toBeVisible();
  await expect(arlo.getByRole("link", { name: title })).toBeVisible();

  // Both on the case: each sees the other there.
  await arlo.goto(ava.url());
  await expect(ava.getByTitle(/Also on this case: Arlo Agent/)).toBeVisible();
  await expect(arlo.getByTitle(/Also on this case: Ava Agent/)).toBeVisible();

  // Ava types: Arlo sees that she is replying. She adds a note: it appears for Arlo at once.
  await ava.getByRole("radio", { name: "Internal note" }).click();
  await (await composer(ava)).fill("Checked the warehouse logs");
  await expect(arlo.getByText("Ava Agent is replying…")).toBeVisible();
  await ava.getByRole("button", { name: "Add note" }).click();
  await expect(arlo.getByText("Checked the warehouse logs")).toBeVisible();
  await expect(arlo.getByText("Ava Agent is replying…")).toBeHidden();

  // Arlo starts a reply; meanwhile Ava answers the customer. Arlo's send is held back.
  await (await composer(arlo)).fill("It ships tomorrow");
  await (await composer(ava)).fill("It ships today");
  await ava.getByRole("radio", { name: "Reply" }).click();
  await ava.getByRole("button", { name: "Send reply" }).click();
  await expect(ava.getByText("Reply sent.")).toBeVisible();
  await arlo.getByRole("button", { name: "Send reply" }).click();
  const prompt = arlo.getByRole("alert").filter({ hasText: "A new reply arrived while you were writing" });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByText("It ships today")).toBeVisible();
  await expect(await composer(arlo)).toHaveValue("It ships tomorrow");

  // He edits it; the draft survives a reload; then it sends (he has now seen Ava's reply).
  await prompt.getByRole("button", { name: "Edit" }).click();
  await (await composer(arlo)).fill("Correction: it ships today, as Ava said");
  await arlo.waitForTimeout(500);
  await arlo.reload();
  await expect(await composer(arlo)).toHaveValue("Correction: it ships today, as Ava said");
  await arlo.getByRole("button", { name: "Send reply" }).click();
  await expect(arlo.getByText("Reply sent.")).toBeVisible();
  await expect(ava.getByText("Correction: it ships today, as Ava said")).toBeVisible();

  // Arlo leaves: Ava no longer sees him.
  await arlo.goto("/t/acme/cases");
  await expect(ava.getByTitle(/Also on this case: Arlo Agent/)).toBeHidden();
  await avaContext.close();
  await arloContext.close();
});
