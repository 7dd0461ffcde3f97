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
  const counted = agent.waitForResponse((r) => r.url().includes("alerts.count") && r.ok());
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
