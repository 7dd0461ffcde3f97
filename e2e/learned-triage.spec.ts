// Learned triage on the demo organisation (no AI provider needed): the admin sees the models
// trained from the resolved cases and their accuracy; an agent writing a new case is offered the
// category its words usually get, takes it with one click, and the case is created with it.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("the admin reads the learned models; an agent takes a learned category on the new-case form", async ({ page, browser }) => {
  await signIn(page, "admin@acme.test");
  await page.goto("/t/acme/settings/ai");
  const panel = page.getByRole("region", { name: "Learned triage" });
  await expect(panel).toBeVisible();
  // The nightly training runs once at the first start; should it not have yet, the admin asks for it.
  const categoryRow = panel.getByRole("row", { name: /^Category/ });
  if (!(await categoryRow.isVisible())) await panel.getByRole("button", { name: "Train now" }).click();
  await expect(categoryRow).toBeVisible({ timeout: 45_000 });
  await expect(categoryRow).toContainText(/\d+ % of \d+/);
  await expect(categoryRow).toContainText(/\d+ cases, 4 values/);

  const context = await browser.newContext();
  const agent = await context.newPage();
  await signIn(agent, "agent@acme.test");
  await agent.goto("/t/acme/cases/new");
  const title = `Refund not received for my order ${Date.now().toString(36)}`;
  await agent.getByLabel("Title").fill(title);
  await agent.getByLabel("Description").fill("The refund was promised ten days ago and is still not received.");
  const offered = agent.getByRole("group", { name: "Suggested from your resolved cases" });
  const useCategory = offered.getByRole("button", { name: /^Use category Problem \(\d+ % sure\)$/ });
  await expect(useCategory).toBeVisible();
  await useCategory.click();
  await expect(agent.getByLabel("Category")).toHaveValue("Problem");
  // Taken: no longer offered.
  await expect(useCategory).toHaveCount(0);
  await agent.getByRole("button", { name: "Create case" }).click();
  await expect(agent.getByRole("heading", { name: title })).toBeVisible();
  await expect(agent.getByRole("region", { name: "Properties" })).toContainText("Problem");
  await context.close();
});
