import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// The operations signal end to end: a rule watches a tag, cases with that tag pile up, and the
// minute's evaluation fires a critical alert that an agent sees live (row, toast, pulse),
// acknowledges and resolves with a note; the feed then tells the story, and the alert's detail
// leads to the cases behind it.
test("a volume spike fires a rule's alert live; acknowledged and resolved, it shows in the feed", async ({ browser }) => {
  // The rule is evaluated by the recurring job once a minute.
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const tag = `spike-${run}`;
  const ruleName = `Refund spike ${run}`;

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@acme.test");
  await admin.goto("/t/acme/settings/api-keys");
  await admin.getByLabel("Name").fill(`Ops script ${run}`);
  await admin.getByLabel("Role").selectOption("ADMIN");
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = (await admin.getByTestId("new-api-key").textContent())!.trim();
  const api = adminContext.request;
  const headers = { authorization: `Bearer ${key}` };

  // Nothing with this tag came in during the same hour of the last 4 weeks: 3 cases are a spike.
  const rule = await api.post("/api/v1/alert-rules", {
    headers,
    data: { name: ruleName, kind: "VOLUME_SPIKE", params: { scope: { tag }, zScore: 1, minCount: 3 }, severity: "CRITICAL", cooldownMinutes: 60 },
  });
  expect(rule.status(), await rule.text()).toBe(200);

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent@acme.test");
  const counted = agent.waitForResponse((r) => r.url().includes("alerts.count") && r.ok());
  await agent.goto("/t/acme/alerts");
  await counted;

  for (const title of ["Refund not received", "Refund twice?", "Where is my refund"]) {
    const created = await api.post("/api/v1/cases", { headers, data: { title, channel: "EMAIL", tags: [tag] } });
    expect(created.status(), await created.text()).toBe(200);
  }

  // Within the next evaluations, without a reload: the alert, a toast and the badge.
  // The alerts' own rows (an open alert's details hold lists of their own).
  const row = agent.getByRole("list", { name: "Alerts" }).locator(":scope > li").filter({ hasText: ruleName });
  await expect(row).toBeVisible({ timeout: 150_000 });
  await expect(row).toContainText("3 cases in the last hour");
  await expect(row).toContainText("Rule");
  await expect(agent.getByRole("alert").filter({ hasText: "A critical alert fired" })).toBeVisible();

  // The detail: its firing, the cases it names, and the list of every case the rule covers.
  await row.getByRole("button", { name: new RegExp(ruleName) }).click();
  const related = row.getByRole("region", { name: "Related cases" });
  await expect(related.getByRole("link", { name: /Where is my refund/ })).toBeVisible();
  await expect(related.getByRole("link", { name: "All cases matching the rule →" })).toHaveAttribute("href", new RegExp(`tag=${tag}`));

  // Opening it highlighted it: a acknowledges, r asks for the note and resolves.
  await agent.keyboard.press("a");
  await expect(row).toContainText("Acknowledged");
  await agent.keyboard.press("r");
  await agent.getByLabel(/Resolution note/).fill("Refund batch re-sent by finance");
  await agent.getByRole("button", { name: "Resolve alert" }).click();
  await expect(row).toBeHidden();

  // The feed tells both: it fired (high priority) and it was resolved.
  await agent.goto("/t/acme/feed");
  const feed = agent.getByRole("article");
  await expect(feed.filter({ hasText: "Alert fired" }).filter({ hasText: ruleName })).toBeVisible();
  await expect(feed.filter({ hasText: "Alert resolved" }).filter({ hasText: ruleName })).toBeVisible();
  await feed.filter({ hasText: "Alert resolved" }).filter({ hasText: ruleName }).getByRole("link").first().click();
  await expect(agent).toHaveURL(/\/t\/acme\/alerts\?alert=/);
  await expect(agent.getByRole("region", { name: "Timeline" })).toContainText("Refund batch re-sent by finance");

  await adminContext.close();
  await agentContext.close();
});

test("an admin pins an announcement for agents; agents see it on the overview, viewers do not", async ({ browser }) => {
  const run = Date.now().toString(36);
  const title = `Holiday hours ${run}`;
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@acme.test");
  await admin.goto("/t/acme/feed");
  await admin.getByRole("button", { name: "Post an announcement" }).click();
  const form = admin.getByRole("form", { name: "New announcement" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Message").fill("We close at **2 pm** on the 24th. <script>alert(1)</script>");
  // A link out of the app is refused beside its field.
  await form.getByLabel("Link (optional)").fill("//evil.example/phish");
  await form.getByLabel("Priority").selectOption("PINNED");
  await form.getByLabel("For").selectOption("ROLE");
  await form.getByLabel("Role").selectOption("AGENT");
  await form.getByRole("button", { name: "Post" }).click();
  await expect(form.getByText(/Use a path inside the app/)).toBeVisible();
  await form.getByLabel("Link (optional)").fill("/cases?status=OPEN");
  await form.getByRole("button", { name: "Post" }).click();
  await expect(form).toBeHidden();
  const item = admin.getByRole("article").filter({ hasText: title });
  await expect(item).toContainText("Pinned");
  await expect(item).toContainText("Agents and up");
  // Markdown, not HTML: the bold is bold and the script tag is text.
  await expect(item.locator("strong")).toHaveText("2 pm");
  await expect(item.locator("script")).toHaveCount(0);
  await adminContext.close();

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "agent@acme.test");
  await agent.goto("/t/acme");
  const panel = agent.getByRole("region", { name: "Feed" });
  await expect(panel.getByRole("article").first()).toContainText(title);
  await agentContext.close();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer@acme.test");
  await viewer.goto("/t/acme/feed");
  await expect(viewer.getByRole("heading", { name: "Feed" })).toBeVisible();
  await expect(viewer.getByRole("article").first()).toBeVisible();
  await expect(viewer.getByRole("article").filter({ hasText: title })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Post an announcement" })).toHaveCount(0);
  await viewerContext.close();
});
