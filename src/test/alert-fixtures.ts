// Alerts made the privileged way, for tests that attack them from another tenant or need one
// in a given state without going through the procedures.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { TestTenant } from "./factories";

export async function createTestAlert(tenant: TestTenant, data: Partial<Omit<Prisma.AlertUncheckedCreateInput, "tenantId">> = {}): Promise<string> {
  return withPrivilegedDb("test fixture", async (db) => {
    const alert = await db.alert.create({
      data: { tenantId: tenant.id, title: "Fixture alert", dedupeKey: `fixture:${randomUUID()}`, ...data },
      select: { id: true },
    });
    return alert.id;
  });
}

export interface AlertRows {
  /** An ACTIVE alert with a dedupe key of its own, routed to the tenant's team. */
  alertId: string;
  dedupeKey: string;
  /** The Alertmanager fingerprint of a firing Alertmanager alert of the tenant. */
  fingerprint: string;
  /** An enabled BACKLOG rule routed to the tenant's team. */
  ruleId: string;
}

export async function createTestAlertRule(tenant: TestTenant, data: Partial<Omit<Prisma.AlertRuleUncheckedCreateInput, "tenantId">> = {}): Promise<string> {
  return withPrivilegedDb("test fixture", async (db) => {
    const rule = await db.alertRule.create({
      data: { tenantId: tenant.id, name: `Fixture rule ${randomUUID().slice(0, 8)}`, kind: "BACKLOG", params: { threshold: 1000 }, ...data },
      select: { id: true },
    });
    return rule.id;
  });
}

export async function createAlertRows(tenant: TestTenant, teamId: string, caseId: string): Promise<AlertRows> {
  const dedupeKey = `rows:${randomUUID()}`;
  const fingerprint = randomUUID().replaceAll("-", "").slice(0, 16);
  const alertId = await createTestAlert(tenant, { title: "Bravo outage", severity: "CRITICAL", dedupeKey, teamId, relatedCaseIds: [caseId] });
  await createTestAlert(tenant, { title: "Bravo disk full", source: "ALERTMANAGER", dedupeKey: `alertmanager:${fingerprint}`, labels: { alertname: "DiskFull" } });
  const ruleId = await createTestAlertRule(tenant, { name: "Bravo backlog", teamId, params: { threshold: 500, teamId } });
  return { alertId, dedupeKey, fingerprint, ruleId };
}
