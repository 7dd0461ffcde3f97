import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

/** Alertmanager's webhook (version 4) with one alert. */
function alertmanagerPayload(fingerprint: string, status: "firing" | "resolved", summary: string) {
  return {
    version: "4",
    groupKey: `{}:{alertname="CheckoutErrors"}`,
    status,
    receiver: "caseboard",
    groupLabels: { alertname: "CheckoutErrors" },
    commonLabels: { alertname: "CheckoutErrors", severity: "critical" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example:9093",
    alerts: [
      {
        status,
        labels: { alertname: "CheckoutErrors", severity: "critical", service: "checkout" },
        annotations: { summary, description: "5xx above 5 % for 10 minutes" },
        startsAt: new Date(Date.now() - 600_000).toISOString(),
        endsAt: status === "resolved" ? new Date().toISOString() : "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.example:9090/graph",
        fingerprint,
      },
    ],
  };
}

async function post(request: APIRequestContext, key: string, data: unknown) {
  const response = await request.post("/api/v1/alerts/alertmanager", { headers: { authorization: `Bearer ${key}` }, data });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as { created: number; recurred: number; resolved: number; ignored: number };
}

test("an Alertmanager alert appears live with a toast; acknowledge, resolve with a note; firing again reopens it", async ({ browser, request }) => {
  const [adminContext, agentContext] = [await browser.newContext(), await browser.newContext()];
  const admin = await adminContext.newPage();
  const agent = await agentContext.newPage();

  // An admin makes the key the monitoring system sends.
  await signIn(admin, "admin@acme.test");
  await admin.goto("/t/acme/settings/api-keys");
  await admin.getByLabel("Name").fill(`Alertmanager ${Date.now().toString(36)}`);
  await admin.getByLabel("Role").selectOption("AGENT");
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = (await admin.getByTestId("new-api-key").textContent())!.trim();
  expect(key.length).toBeGreaterThan(20);

  await signIn(agent, "agent@acme.test");
  // The toast is for a rise in critical alerts: the page must have read the count before one fires.
  // The alerts page's own count: the cases page the sign-in landed on asks for it too, and on a
  // loaded machine its answer can arrive after this wait begins.
  const counted = agent.waitForResponse((r) => r.url().includes("alerts.count") && r.ok() && (r.request().headers().referer ?? "").includes("/t/acme/alerts"));
  await agent.goto("/t/acme/alerts");
  await counted;
  await expect(agent.getByRole("heading", { name: "Alerts" })).toBeVisible();
  const alerts = agent.getByRole("list", { name: "Alerts" }).getByRole("listitem");

  const summary = `Checkout errors ${Date.now().toString(36)}`;
  const fingerprint = `fp${Date.now().toString(16)}`;
  expect(await post(request, key, alertmanagerPayload(fingerprint, "firing", summary))).toMatchObject({ created: 1 });

  // Without a reload: the alert, a toast, and the red badge beside "Alerts".
  const row = alerts.filter({ hasText: summary });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Critical");
  await expect(row).toContainText("Alertmanager");
  await expect(agent.getByRole("alert").filter({ hasText: "A critical alert fired" })).toBeVisible();
  await expect(agent.getByRole("link", { name: /Alerts .*critical/ })).toBeVisible();

  // The newest is highlighted: a acknowledges it.
  await expect(alerts.first()).toContainText(summary);
  await agent.keyboard.press("a");
  await expect(row).toContainText("Acknowledged");

  // r asks for a note, then resolves: it leaves Open and is in Resolved with its note.
  await agent.keyboard.press("r");
  await agent.getByLabel(/Resolution note/).fill("Rolled back the payment gateway release");
  await agent.getByRole("button", { name: "Resolve alert" }).click();
  await expect(row).toBeHidden();
  await agent.getByRole("tab", { name: "Resolved" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: summary }).click();
  await expect(row).toContainText("Rolled back the payment gateway release");
  await expect(row).toContainText("Ava Agent");

  // The same alert fires again: it is one alert, reopened, counted twice.
  expect(await post(request, key, alertmanagerPayload(fingerprint, "firing", summary))).toMatchObject({ recurred: 1 });
  await agent.getByRole("tab", { name: "Open" }).click();
  await expect(row).toContainText("fired 2 times");
  await expect(row).toContainText("Active");

  await adminContext.close();
  await agentContext.close();
});

test("an admin tests an alert rule on the last 7 days, then adds it; a viewer sees it without the controls", async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@acme.test");
  await admin.goto("/t/acme/settings/alert-rules");
  await admin.getByRole("button", { name: "Add rule" }).click();
  const name = `Backlog watch ${Date.now().toString(36)}`;
  const form = admin.getByRole("form", { name: "New alert rule" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Condition").selectOption({ label: "Backlog" });
  // A bad number is refused beside its field, with words.
  await form.getByLabel("Open cases").fill("0");
  await form.getByRole("button", { name: "Test on the last 7 days" }).click();
  await expect(form.getByText("Use at least 1 case")).toBeVisible();
  await form.getByLabel("Open cases").fill("1");
  await form.getByRole("button", { name: "Test on the last 7 days" }).click();
  await expect(form.getByRole("status")).toContainText("It would have fired");
  await form.getByRole("button", { name: "Add rule" }).click();
  const rules = admin.getByRole("list", { name: "Alert rules" });
  await expect(rules.getByRole("listitem").filter({ hasText: name })).toContainText("Backlog: 1 open case or more");
  await adminContext.close();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer@acme.test");
  await viewer.goto("/t/acme/settings/alert-rules");
  await expect(viewer.getByRole("list", { name: "Alert rules" }).getByRole("listitem").filter({ hasText: name })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Add rule" })).toHaveCount(0);
  await viewerContext.close();
});
