// Trending topics end to end: cases about something new arrive through the API, an admin
// recomputes, the topic ranks on the trending page with its sample cases, and "open all matching
// cases" lists them; an agent reads the same page without the admin's controls.
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a planted surge trends, with its cases one click away", async ({ browser }) => {
  // A word of its own (letters only, so it is a word to the text search), new to this database.
  const word = `vornex${Date.now().toString(36).replace(/[0-9]/g, "")}k`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@acme.test");
  await admin.goto("/t/acme/settings/api-keys");
  await admin.getByLabel("Name").fill(`Trending ${word}`);
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = (await admin.getByTestId("new-api-key").textContent())!.trim();
  // The other words of the title are stop words, so the word is the topic on its own.
  for (let i = 0; i < 5; i++) {
    const created = await adminContext.request.post("/api/v1/cases", { headers: { authorization: `Bearer ${key}` }, data: { title: `The ${word} is down`, channel: i % 2 ? "CHAT" : "EMAIL" } });
    expect(created.status()).toBe(200);
  }

  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(admin.getByRole("heading", { name: "Trending topics" })).toBeVisible();
  await admin.getByRole("button", { name: "Recompute now" }).click();
  const topic = admin.getByRole("link", { name: word, exact: true });
  await expect(topic).toBeVisible({ timeout: 30_000 });
  await expect(admin.getByRole("button", { name: "Recompute now" })).toBeEnabled();
  await topic.click();
  await expect(admin.getByRole("heading", { name: `“${word}”` })).toBeVisible();
  await expect(admin.getByText("in 5 cases over the last 24 hours, new this month")).toBeVisible();
  await expect(admin.getByRole("region", { name: "Cases that say it most" }).getByRole("link")).toHaveCount(5);
  await admin.getByRole("link", { name: "Open all matching cases" }).click();
  await expect(admin).toHaveURL(new RegExp(`/t/acme/cases\\?q=${word}`));
  await expect(admin.getByRole("link", { name: new RegExp(`The ${word} is down`) })).toHaveCount(5);

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent@acme.test");
  await agent.goto("/t/acme/insights");
  await expect(agent.getByRole("link", { name: word, exact: true })).toBeVisible();
  await expect(agent.getByRole("button", { name: "Recompute now" })).toHaveCount(0);
  await expect(agent.getByRole("navigation", { name: "Insights" }).getByRole("link", { name: "Search" })).toHaveCount(0);
  await adminContext.close();
  await agentContext.close();
});
