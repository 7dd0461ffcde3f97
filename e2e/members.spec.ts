import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** The role change is a server action (a POST to this page): wait for its answer, not for idle. */
const actionAnswer = (page: import("@playwright/test").Page) =>
  page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/settings/members"));

test("a role change shows at once and is confirmed; a refused one rolls back to the server's role with the reason", async ({ page }) => {
  await signIn(page, "owner@acme.test");
  await page.goto("/t/acme/settings/members");

  // Accepted: the new role stays and "Saved" confirms it; a reload shows the server has it.
  const arlo = page.getByLabel("Role of Arlo Agent");
  await expect(arlo).toHaveValue("AGENT");
  let answered = actionAnswer(page);
  await arlo.selectOption("VIEWER");
  await expect(arlo).toHaveValue("VIEWER");
  expect((await answered).ok()).toBe(true);
  await expect(page.getByRole("status", { name: "Arlo Agent: role change" })).toHaveText("Saved");
  // Next's route announcer is an (empty) alert too: count only alerts that say something.
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Role of Arlo Agent")).toHaveValue("VIEWER");

  // Refused (the organisation's only owner cannot step down): back to Owner, and the reason shown.
  const alice = page.getByLabel("Role of Alice Owner");
  await expect(alice).toHaveValue("OWNER");
  answered = actionAnswer(page);
  await alice.selectOption("ADMIN");
  await answered;
  await expect(page.getByRole("alert").filter({ hasText: "at least one owner" })).toBeVisible();
  await expect(alice).toHaveValue("OWNER");
  await expect(page.getByRole("status", { name: "Alice Owner: role change" })).toHaveText("");
  await page.reload();
  await expect(page.getByLabel("Role of Alice Owner")).toHaveValue("OWNER");

  // Put the demo data back for the other specs.
  answered = actionAnswer(page);
  await page.getByLabel("Role of Arlo Agent").selectOption("AGENT");
  expect((await answered).ok()).toBe(true);
  await expect(page.getByRole("status", { name: "Arlo Agent: role change" })).toHaveText("Saved");
});
