// Reports end to end: cases arrive through the API, an admin recounts, the report counts them by
// channel with the period before beside it, a group's row opens the cases list filtered to that
// channel and range, and an agent exports the report as CSV (without the admin's Recount).
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a report counts new cases, drills down into the cases list and exports as CSV", async ({ browser }) => {
  const word = `Report check ${Date.now().toString(36)}`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@acme.test");
  await admin.goto("/t/acme/settings/api-keys");
  await admin.getByLabel("Name").fill(word);
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = (await admin.getByTestId("new-api-key").textContent())!.trim();
  for (let i = 0; i < 3; i++) {
    const created = await adminContext.request.post("/api/v1/cases", { headers: { authorization: `Bearer ${key}` }, data: { title: `${word} ${i}`, channel: "SOCIAL" } });
    expect(created.status()).toBe(200);
  }

  await admin.goto("/t/acme/insights/reports?groupBy=channel&interval=week");
  await expect(admin.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await admin.getByRole("button", { name: "Recount" }).click();
  await expect(admin.getByRole("button", { name: "Counting…" })).toBeVisible();
  // The page reloads itself once the new count has landed.
  await expect(admin.getByRole("button", { name: "Recount" })).toBeEnabled({ timeout: 30_000 });
  const table = admin.getByRole("table", { name: "Figures by channel" });
  const social = table.getByRole("row", { name: /Social/ });
  await expect(social).toBeVisible({ timeout: 10_000 });
  await expect(admin.getByRole("definition").filter({ hasText: /^\d[\d,]*$/ }).first()).toBeVisible();
  await social.getByRole("link", { name: "Social" }).click();
  await expect(admin).toHaveURL(/\/t\/acme\/cases\?.*channel=SOCIAL/);
  await expect(admin).toHaveURL(/createdFrom=/);
  await expect(admin.getByRole("link", { name: new RegExp(word) })).toHaveCount(3);

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent@acme.test");
  await agent.goto("/t/acme/insights/reports");
  await expect(agent.getByRole("button", { name: "Recount" })).toHaveCount(0);
  await agent.getByRole("button", { name: "Export CSV" }).click();
  const download = agent.getByRole("link", { name: "Download CSV" });
  await expect(download).toBeVisible({ timeout: 30_000 });
  const response = await agentContext.request.get((await download.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect((await response.text()).split("\n")[0]).toContain("section,name,period_start,created");
  await adminContext.close();
  await agentContext.close();
});
