// Prometheus Alertmanager's webhook, as Alertmanager posts it (REST, API key in the
// Authorization header): firing and resolved alerts map onto alerts by fingerprint, grouped
// payloads apply as a whole, and bad payloads are 400s with the fields named. Also the rest of
// the alerts REST surface, as a script sees it.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectErrorShape, rest } from "@/server/api/openapi/rest-test-kit";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { ALERTMANAGER_MAX_ALERTS } from "@/lib/validations/alertmanager";
import {
  ALERTMANAGER_RESOLUTION_NOTE,
  alertmanagerDedupeKey,
  alertmanagerSeverity,
  alertmanagerTitle,
} from "@/server/services/alerts/alertmanager";
import { createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
let key: string;
let viewerKey: string;

beforeAll(async () => {
  tenant = await createTestTenant("alertmanager");
  [key, viewerKey] = await Promise.all([createTestApiKey(tenant), createTestApiKey(tenant, { role: "VIEWER" })]);
});

const fingerprint = () => randomUUID().replaceAll("-", "").slice(0, 16);

/** One alert as Alertmanager sends it. */
function amAlert(fp: string, status: "firing" | "resolved", extra: { labels?: Record<string, string>; annotations?: Record<string, string>; startsAt?: string } = {}) {
  return {
    status,
    labels: { alertname: "HighErrorRate", severity: "critical", service: "checkout", ...extra.labels },
    annotations: { summary: "Checkout errors above 5%", description: "5xx rate 7.2% for 10m", ...extra.annotations },
    startsAt: extra.startsAt ?? "2026-11-30T08:00:00.000Z",
    endsAt: status === "firing" ? "0001-01-01T00:00:00Z" : "2026-11-30T09:00:00.000Z",
    generatorURL: "http://prometheus.example:9090/graph?g0.expr=rate",
    fingerprint: fp,
  };
}

/** The whole webhook body (version 4), with the group fields Alertmanager adds. */
function payload(alerts: ReturnType<typeof amAlert>[]) {
  return {
    version: "4",
    groupKey: '{}:{alertname="HighErrorRate"}',
    truncatedAlerts: 0,
    status: alerts.some((a) => a.status === "firing") ? "firing" : "resolved",
    receiver: "caseboard",
    groupLabels: { alertname: "HighErrorRate" },
    commonLabels: { alertname: "HighErrorRate" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.example:9093",
    alerts,
  };
}

const post = (body: unknown, k: string | null = key) => rest({ method: "POST", url: "/alerts/alertmanager", key: k, body: { json: body } });

const alertOf = (fp: string) =>
  withPrivilegedDb("test check", (db) => db.alert.findFirst({ where: { tenantId: tenant.id, dedupeKey: alertmanagerDedupeKey(fp) } }));

describe("mapping", () => {
  it("maps severity labels critical and warning, anything else to INFO", () => {
    expect(alertmanagerSeverity({ severity: "critical" })).toBe("CRITICAL");
    expect(alertmanagerSeverity({ severity: "Warning " })).toBe("WARNING");
    for (const labels of [{ severity: "info" }, { severity: "page" }, {}] as Record<string, string>[]) expect(alertmanagerSeverity(labels)).toBe("INFO");
  });

  it("titles an alert by its summary, else its alertname, else its fingerprint, within the title's length", () => {
    expect(alertmanagerTitle({ annotations: { summary: " Disk full " }, labels: { alertname: "DiskFull" }, fingerprint: "f1" })).toBe("Disk full");
    expect(alertmanagerTitle({ annotations: { summary: "" }, labels: { alertname: "DiskFull" }, fingerprint: "f1" })).toBe("DiskFull");
    expect(alertmanagerTitle({ annotations: {}, labels: {}, fingerprint: "f1" })).toBe("Alertmanager alert f1");
    expect(alertmanagerTitle({ annotations: { summary: "x".repeat(500) }, labels: {}, fingerprint: "f1" })).toHaveLength(200);
  });
});

describe("POST /api/v1/alerts/alertmanager", () => {
  it("creates a firing alert with Alertmanager's fields, counts a repeat as a recurrence", async () => {
    const fp = fingerprint();
    const first = await post(payload([amAlert(fp, "firing")]));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ created: 1, recurred: 0, resolved: 0, ignored: 0 });
    const alert = await alertOf(fp);
    expect(alert).toMatchObject({
      title: "Checkout errors above 5%",
      description: "5xx rate 7.2% for 10m",
      severity: "CRITICAL",
      source: "ALERTMANAGER",
      status: "ACTIVE",
      occurrences: 1,
      labels: { alertname: "HighErrorRate", severity: "critical", service: "checkout" },
      firstFiredAt: new Date("2026-11-30T08:00:00.000Z"),
    });
    const again = await post(payload([amAlert(fp, "firing", { labels: { severity: "warning" } })]));
    expect(again.body).toEqual({ created: 0, recurred: 1, resolved: 0, ignored: 0 });
    expect(await alertOf(fp)).toMatchObject({ id: alert!.id, occurrences: 2, severity: "WARNING", status: "ACTIVE" });
  });

  it("resolves by fingerprint as nobody with Alertmanager's note; a repeat or an unknown fingerprint is ignored; firing again reopens", async () => {
    const fp = fingerprint();
    await post(payload([amAlert(fp, "firing")]));
    const resolved = await post(payload([amAlert(fp, "resolved")]));
    expect(resolved.body).toEqual({ created: 0, recurred: 0, resolved: 1, ignored: 0 });
    expect(await alertOf(fp)).toMatchObject({ status: "RESOLVED", resolvedById: null, resolutionNote: ALERTMANAGER_RESOLUTION_NOTE, resolvedAt: expect.any(Date) });
    expect((await post(payload([amAlert(fp, "resolved")]))).body).toEqual({ created: 0, recurred: 0, resolved: 0, ignored: 1 });
    const unknown = fingerprint();
    expect((await post(payload([amAlert(unknown, "resolved")]))).body).toEqual({ created: 0, recurred: 0, resolved: 0, ignored: 1 });
    expect(await alertOf(unknown)).toBeNull();
    expect((await post(payload([amAlert(fp, "firing")]))).body).toEqual({ created: 0, recurred: 1, resolved: 0, ignored: 0 });
    expect(await alertOf(fp)).toMatchObject({ status: "ACTIVE", occurrences: 2, resolvedAt: null, resolutionNote: null });
    // One audit event per delivery, by the key, naming what it did to which alert.
    const row = await alertOf(fp);
    const deliveries = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findMany({ where: { tenantId: tenant.id, action: "alert.alertmanager_received" }, select: { actorType: true, diff: true }, orderBy: { seq: "asc" } }),
    );
    const mine = deliveries.filter((d) => JSON.stringify(d.diff).includes(row!.id));
    expect(mine.map((d) => d.actorType)).toEqual(["apiKey", "apiKey", "apiKey"]);
    expect(mine.map((d) => d.diff)).toEqual([
      expect.objectContaining({ created: [row!.id], receiver: "caseboard" }),
      expect.objectContaining({ resolved: [row!.id] }),
      expect.objectContaining({ recurred: [row!.id], reopened: [row!.id] }),
    ]);
  });

  it("takes a delivery of the most alerts it allows, in one transaction well within its time", { timeout: 120_000 }, async () => {
    const alerts = Array.from({ length: ALERTMANAGER_MAX_ALERTS }, (_, i) => amAlert(fingerprint(), "firing", { labels: { instance: `web-${i}` } }));
    for (const expected of [{ created: ALERTMANAGER_MAX_ALERTS, recurred: 0 }, { created: 0, recurred: ALERTMANAGER_MAX_ALERTS }]) {
      const started = performance.now();
      const result = await post(payload(alerts));
      expect(result.status, JSON.stringify(result.body).slice(0, 300)).toBe(200);
      expect(result.body).toMatchObject(expected);
      // The request budget is REQUEST_TIMEOUT_MS (20 s); set-based writes keep a full delivery far below it.
      expect(performance.now() - started).toBeLessThan(10_000);
    }
    const repeated = amAlert(fingerprint(), "firing");
    // A fingerprint twice in one delivery: the last entry counts, the earlier one is ignored.
    expect((await post(payload([repeated, { ...repeated, status: "resolved" }]))).body).toEqual({ created: 0, recurred: 0, resolved: 0, ignored: 2 });
  });

  it("applies a grouped payload alert by alert", async () => {
    const [known, fresh1, fresh2, unknown] = [fingerprint(), fingerprint(), fingerprint(), fingerprint()];
    await post(payload([amAlert(known, "firing")]));
    const grouped = await post(
      payload([
        amAlert(fresh1, "firing", { labels: { instance: "web-1" } }),
        amAlert(fresh2, "firing", { labels: { instance: "web-2", severity: "info" }, annotations: { summary: "" } }),
        amAlert(known, "resolved"),
        amAlert(unknown, "resolved"),
      ]),
    );
    expect(grouped.body).toEqual({ created: 2, recurred: 0, resolved: 1, ignored: 1 });
    expect(await alertOf(fresh2)).toMatchObject({ title: "HighErrorRate", severity: "INFO", labels: expect.objectContaining({ instance: "web-2" }) });
    expect((await alertOf(known))?.status).toBe("RESOLVED");
  });

  it("answers a bad payload with 400 and its fields, and applies none of it", async () => {
    const fp = fingerprint();
    const bad = await post({ ...payload([amAlert(fp, "firing")]), alerts: [amAlert(fp, "firing"), { ...amAlert(fingerprint(), "firing"), status: "pending", fingerprint: "" }] });
    expect(bad.status).toBe(400);
    expectErrorShape(bad, "BAD_REQUEST");
    const fields = Object.keys((bad.body as { details: { fieldErrors: Record<string, string[]> } }).details.fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(["alerts.1.status", "alerts.1.fingerprint"]));
    expect(await alertOf(fp)).toBeNull();

    const missing = await post({ version: "4", status: "firing" });
    expect(missing.status).toBe(400);
    expect((missing.body as { details: { fieldErrors: Record<string, string[]> } }).details.fieldErrors).toHaveProperty("alerts");
    const tooMany = await post(payload(Array.from({ length: 501 }, () => amAlert(fingerprint(), "firing"))));
    expect(tooMany.status).toBe(400);
    const labels = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, "v"]));
    expect((await post(payload([amAlert(fingerprint(), "firing", { labels })]))).status).toBe(400);
    const notJson = await rest({ method: "POST", url: "/alerts/alertmanager", key, body: { raw: "{" } });
    expect(notJson.status).toBe(400);
    expectErrorShape(notJson, "BAD_REQUEST");
  });

  it("needs an API key that may manage alerts", async () => {
    const body = payload([amAlert(fingerprint(), "firing")]);
    expect((await post(body, null)).status).toBe(401);
    const viewer = await post(body, viewerKey);
    expect(viewer.status).toBe(403);
    expect((viewer.body as { details?: { reason?: string } }).details?.reason).toBe("PERMISSION_DENIED");
  });
});

describe("the alerts REST surface", () => {
  it("creates, lists, counts, reads and acknowledges through /api/v1/alerts", async () => {
    const created = await rest({ method: "POST", url: "/alerts", key, body: { json: { title: "Printer on fire", severity: "CRITICAL", dedupeKey: `rest-${randomUUID()}` } } });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const { outcome, alert } = created.body as { outcome: string; alert: { id: string; status: string } };
    expect([outcome, alert.status]).toEqual(["created", "ACTIVE"]);

    const list = await rest({ method: "GET", url: "/alerts?status=ACTIVE&status=ACKNOWLEDGED&severity=CRITICAL&limit=100", key });
    expect(list.status).toBe(200);
    expect((list.body as { items: { id: string }[] }).items.map((a) => a.id)).toContain(alert.id);

    // /alerts/count is its own route, not an alert with id "count".
    const count = await rest({ method: "GET", url: "/alerts/count?source=API", key: viewerKey });
    expect(count.status, JSON.stringify(count.body)).toBe(200);
    expect((count.body as { byStatus: { ACTIVE: number } }).byStatus.ACTIVE).toBeGreaterThanOrEqual(1);

    const got = await rest({ method: "GET", url: `/alerts/${alert.id}`, key: viewerKey });
    expect((got.body as { id: string }).id).toBe(alert.id);

    const acked = await rest({ method: "POST", url: `/alerts/${alert.id}/acknowledge`, key, body: { json: {} } });
    expect((acked.body as { status: string; acknowledgedBy: unknown }).status).toBe("ACKNOWLEDGED");
    expect((acked.body as { acknowledgedBy: unknown }).acknowledgedBy).toBeNull();
    const twice = await rest({ method: "POST", url: `/alerts/${alert.id}/acknowledge`, key, body: { json: {} } });
    expect(twice.status).toBe(409);
    expectErrorShape(twice, "CONFLICT");
    expect((twice.body as { details: { reason: string } }).details.reason).toBe("INVALID_TRANSITION");

    const resolved = await rest({ method: "POST", url: `/alerts/${alert.id}/resolve`, key, body: { json: { note: "Extinguished" } } });
    expect(resolved.body).toMatchObject({ status: "RESOLVED", resolutionNote: "Extinguished" });
    // Deleting is for admins: an AGENT key is refused.
    const del = await rest({ method: "DELETE", url: `/alerts/${alert.id}`, key });
    expect(del.status).toBe(403);
  });
});
