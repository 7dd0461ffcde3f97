// Alerts raised by people and scripts (source API), changed and deleted. Every reference is
// checked against the tenant (alert-checks.ts); each write is audited and tells open pages.
import type { z } from "zod";
import type { createAlertSchema, updateAlertSchema } from "@/lib/validations/alert";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { tenantKey } from "@/server/db/tenant-scope";
import { notFound } from "@/server/errors/app-error";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { requireTeam } from "@/server/services/teams/team-select";
import { checkAlertBusinessUnit, requireAlertAssignee, requireRelatedCases } from "./alert-checks";
import { alertChanged } from "./alert-events";
import { loadAlert, type AlertOutput } from "./alert-select";
import { readAlertForWrite, updateAlertAtVersion } from "./alert-version";
import { fireAlerts, type FireOutcome } from "./fire-alert";

export async function createAlert(db: TenantDb, input: z.output<typeof createAlertSchema>): Promise<{ outcome: FireOutcome; alert: AlertOutput }> {
  checkAlertBusinessUnit(await loadTenantSettings(db), input.businessUnit);
  const relatedCaseIds = await requireRelatedCases(db, input.relatedCaseIds);
  if (input.assigneeId) await requireAlertAssignee(db, input.assigneeId);
  if (input.teamId) await requireTeam(db, input.teamId);
  const [fired] = await fireAlerts(db, [
    {
      title: input.title,
      description: input.description,
      severity: input.severity,
      businessUnit: input.businessUnit ?? null,
      labels: input.labels,
      relatedCaseIds,
      dedupeKey: input.dedupeKey ?? null,
      assigneeId: input.assigneeId ?? null,
      teamId: input.teamId ?? null,
      source: "API",
    },
  ]);
  const { id, outcome, reopened, occurrences } = fired!;
  await recordAudit(db, {
    action: `alert.${outcome}`,
    targetType: "alert",
    targetId: id,
    diff:
      outcome === "created"
        ? { title: input.title, severity: input.severity, dedupeKey: input.dedupeKey ?? null, assigneeId: input.assigneeId ?? null, teamId: input.teamId ?? null }
        : { occurrences, severity: input.severity, reopened },
  });
  return { outcome, alert: await loadAlert(db, id) };
}

const EDITABLE = ["title", "description", "severity", "businessUnit", "labels", "relatedCaseIds"] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateAlert(db: TenantDb, input: z.output<typeof updateAlertSchema>): Promise<AlertOutput> {
  const current = await readAlertForWrite(db, input.id, input.version);
  const wanted = { ...input, ...(input.relatedCaseIds ? { relatedCaseIds: await requireRelatedCases(db, input.relatedCaseIds) } : {}) };
  const data: Prisma.AlertUncheckedUpdateManyInput = {};
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const key of EDITABLE) {
    const next = wanted[key];
    if (next === undefined || same(next, current[key])) continue;
    (data as Record<string, unknown>)[key] = next;
    from[key] = current[key];
    to[key] = next;
  }
  if ("businessUnit" in to) checkAlertBusinessUnit(await loadTenantSettings(db), input.businessUnit);
  if (Object.keys(to).length > 0) {
    await updateAlertAtVersion(db, input.id, current.version, data);
    await recordAudit(db, { action: "alert.updated", targetType: "alert", targetId: input.id, diff: { from, to } });
    alertChanged(input.id, "updated", { status: current.status, severity: input.severity });
  }
  return loadAlert(db, input.id);
}

/** Admins only: an alert is history; resolving it is the everyday way out. Its notifications go with it. */
export async function deleteAlert(db: TenantDb, id: string): Promise<{ id: string }> {
  const current = await db.alert.findFirst({ where: { id }, select: { title: true, status: true, dedupeKey: true } });
  if (!current) throw notFound("Alert");
  await db.alert.delete({ where: tenantKey(id), select: { id: true } });
  await recordAudit(db, { action: "alert.deleted", targetType: "alert", targetId: id, diff: { title: current.title, status: current.status, dedupeKey: current.dedupeKey } });
  alertChanged(id, "deleted");
  return { id };
}
