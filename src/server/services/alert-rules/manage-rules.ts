// The tenant's alert rules, changed by settings managers and read by everyone who reads alerts.
// Everything a rule names is checked against the tenant on every write: business units (the
// rule's and its params'), categories, teams and the assignee; another tenant's ids are NOT_FOUND.
import type { z } from "zod";
import { alertRuleConditionSchema, type AlertRuleCondition, type createAlertRuleSchema, type updateAlertRuleSchema } from "@/lib/validations/alert-rule";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import { validationError } from "@/server/errors/to-app-error";
import { checkAlertBusinessUnit, requireAlertAssignee } from "@/server/services/alerts/alert-checks";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { requireTeam } from "@/server/services/escalations/escalate-case";
import { alertRuleSelect, toAlertRuleOutput, type AlertRuleOutput } from "./rule-output";

/** Each rule is a few indexed queries a minute in the tenant's one evaluation transaction. */
export const MAX_ALERT_RULES = 50;

const invalid = (field: string, message: string) => new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors: { [field]: [message] } });

/** The condition with defaults filled in; params issues are reported under `params.<field>`. */
export function parseCondition(kind: string, params: unknown): AlertRuleCondition {
  const parsed = alertRuleConditionSchema.safeParse({ kind, params });
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export async function checkCondition(db: TenantDb, settings: TenantSettings, condition: AlertRuleCondition): Promise<void> {
  const scope = condition.kind === "VOLUME_SPIKE" || condition.kind === "KEYWORD" ? condition.params.scope : null;
  if (scope?.businessUnit && !settings.businessUnits.includes(scope.businessUnit)) throw invalid("params.scope.businessUnit", "Choose one of the business units in the general settings");
  if (scope?.category && !settings.caseCategories.includes(scope.category)) throw invalid("params.scope.category", `Choose one of: ${settings.caseCategories.join(", ")}`);
  if (condition.kind === "BACKLOG") {
    if (condition.params.businessUnit && !settings.businessUnits.includes(condition.params.businessUnit)) {
      throw invalid("params.businessUnit", "Choose one of the business units in the general settings");
    }
    if (condition.params.teamId) await requireTeam(db, condition.params.teamId);
  }
}

async function checkRouting(db: TenantDb, values: { assigneeId?: string | null; teamId?: string | null }): Promise<void> {
  if (values.teamId) await requireTeam(db, values.teamId);
  if (values.assigneeId) await requireAlertAssignee(db, values.assigneeId);
}

async function ensureNameFree(db: TenantDb, name: string, exceptId?: string): Promise<void> {
  const taken = await db.alertRule.findFirst({ where: { name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", "An alert rule with this name already exists", { fieldErrors: { name: ["An alert rule with this name already exists"] }, existingId: taken.id });
}

export async function listAlertRules(db: TenantDb): Promise<AlertRuleOutput[]> {
  const rows = await db.alertRule.findMany({ select: alertRuleSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map(toAlertRuleOutput);
}

export async function createAlertRule(db: TenantDb, input: z.output<typeof createAlertRuleSchema>): Promise<AlertRuleOutput> {
  const condition = parseCondition(input.kind, input.params);
  const settings = await loadTenantSettings(db);
  checkAlertBusinessUnit(settings, input.businessUnit);
  await checkCondition(db, settings, condition);
  await checkRouting(db, input);
  await ensureNameFree(db, input.name);
  if ((await db.alertRule.count()) >= MAX_ALERT_RULES) throw new AppError("BAD_REQUEST", `A workspace has at most ${MAX_ALERT_RULES} alert rules`);
  const data = { ...input, params: condition.params as Prisma.InputJsonValue };
  const rule = await db.alertRule.create({ data: { tenantId: requireTenantId(), ...data }, select: alertRuleSelect });
  await recordAudit(db, { action: "alert_rule.created", targetType: "alert_rule", targetId: rule.id, diff: { ...data } });
  return toAlertRuleOutput(rule);
}

export async function updateAlertRule(db: TenantDb, input: z.output<typeof updateAlertRuleSchema>): Promise<AlertRuleOutput> {
  const { id, kind, params, ...changes } = input;
  const current = await db.alertRule.findFirst({ where: { id }, select: { kind: true, params: true } });
  if (!current) throw notFound("Alert rule");
  const settings = await loadTenantSettings(db);
  if (changes.businessUnit !== undefined) checkAlertBusinessUnit(settings, changes.businessUnit);
  let condition: AlertRuleCondition | null = null;
  if (params !== undefined) {
    condition = parseCondition(kind ?? current.kind, params);
    await checkCondition(db, settings, condition);
  }
  await checkRouting(db, changes);
  if (changes.name !== undefined) await ensureNameFree(db, changes.name, id);
  const data = { ...changes, ...(condition ? { kind: condition.kind, params: condition.params as Prisma.InputJsonValue } : {}) };
  const rule = await db.alertRule.update({ where: tenantKey(id), data, select: alertRuleSelect });
  await recordAudit(db, { action: "alert_rule.updated", targetType: "alert_rule", targetId: id, diff: { ...data } });
  return toAlertRuleOutput(rule);
}

export async function deleteAlertRule(db: TenantDb, id: string): Promise<{ id: string }> {
  const current = await db.alertRule.findFirst({ where: { id }, select: { name: true } });
  if (!current) throw notFound("Alert rule");
  await db.alertRule.delete({ where: tenantKey(id), select: { id: true } });
  // The rule's alerts stay: they are history, and their dedupe key names a rule that is gone.
  await recordAudit(db, { action: "alert_rule.deleted", targetType: "alert_rule", targetId: id, diff: { name: current.name } });
  return { id };
}
