// Isolation attacks on alerts: B's alerts, and B's cases, members and teams named from A's own
// alerts, are NOT_FOUND; lists and counts hold only A's; B's dedupe keys and Alertmanager
// fingerprints sent through A reach only A's alerts (B's stay exactly as they were).
import { expect } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { IsolationCase } from "./fixture";

const alertCountOf = (tenantId: string) => withPrivilegedDb("test check", (db) => db.alert.count({ where: { tenantId } }));

const byId = (id: (fx: Parameters<IsolationCase["input"]>[0]) => string): IsolationCase => ({ name: "B's alert", input: (fx) => ({ id: id(fx) }), expect: "NOT_FOUND" });
const bAlert = byId((fx) => fx.bAlerts.alertId);

export const ALERT_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "alerts.list": [
    {
      name: "none of B's alerts",
      input: () => ({ limit: 100 }),
      expect: (result, fx) => expect((result as { items: { id: string }[] }).items.map((a) => a.id)).not.toContain(fx.bAlerts.alertId),
    },
  ],
  "alerts.count": [
    {
      name: "only A's alerts counted",
      input: () => undefined,
      expect: async (result, fx) => expect((result as { total: number }).total).toBe(await alertCountOf(fx.a.id)),
    },
  ],
  "alerts.get": [bAlert],
  "alerts.create": [
    { name: "relating B's case", input: (fx) => ({ title: "Smuggled", relatedCaseIds: [fx.bCases[0]!.id] }), expect: "NOT_FOUND" },
    { name: "assigned to B's member", input: (fx) => ({ title: "Smuggled", assigneeId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" },
    { name: "routed to B's team", input: (fx) => ({ title: "Smuggled", teamId: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
    {
      name: "with B's dedupe key: an alert of A's own",
      input: (fx) => ({ title: "Same key", dedupeKey: fx.bAlerts.dedupeKey }),
      expect: (result, fx) => expect((result as { alert: { id: string } }).alert.id).not.toBe(fx.bAlerts.alertId),
    },
  ],
  "alerts.update": [
    { name: "B's alert", input: (fx) => ({ id: fx.bAlerts.alertId, title: "Hijacked" }), expect: "NOT_FOUND" },
    { name: "A's alert relating B's case", input: (fx) => ({ id: fx.aAlertId, relatedCaseIds: [fx.bCases[0]!.id] }), expect: "NOT_FOUND" },
  ],
  "alerts.acknowledge": [bAlert],
  "alerts.resolve": [{ name: "B's alert", input: (fx) => ({ id: fx.bAlerts.alertId, note: "Not yours" }), expect: "NOT_FOUND" }],
  "alerts.reopen": [bAlert],
  "alerts.assign": [
    { name: "B's alert", input: (fx) => ({ id: fx.bAlerts.alertId, assigneeId: fx.a.users.AGENT.id }), expect: "NOT_FOUND" },
    { name: "A's alert to B's member", input: (fx) => ({ id: fx.aAlertId, assigneeId: fx.b.users.AGENT.id }), expect: "NOT_FOUND" },
    { name: "A's alert to B's team", input: (fx) => ({ id: fx.aAlertId, teamId: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
  ],
  "alerts.delete": [bAlert],
  "alerts.alertmanager": [
    {
      // Ignored, unless the firing case below already made A an alert of that fingerprint.
      name: "resolving B's fingerprint: only A's alert, if any",
      input: (fx) => ({ version: "4", status: "resolved", alerts: [{ status: "resolved", labels: { alertname: "DiskFull" }, fingerprint: fx.bAlerts.fingerprint }] }),
      expect: (result) => expect(result).toMatchObject({ created: 0, recurred: 0 }),
    },
    {
      name: "firing B's fingerprint: an alert of A's own",
      input: (fx) => ({ version: "4", status: "firing", alerts: [{ status: "firing", labels: { alertname: "DiskFull" }, fingerprint: fx.bAlerts.fingerprint }] }),
      expect: (result) => expect((result as { created: number; recurred: number }).created + (result as { recurred: number }).recurred).toBe(1),
    },
  ],
};
