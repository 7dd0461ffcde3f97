// The tenant's escalation rules: "a case of this priority left unassigned this long is escalated
// to this level (and team)". Read by every member who reads cases; changed by settings managers.
// Levels must be among the tenant's escalation levels and teams the tenant's own (another
// tenant's team is NOT_FOUND). The recurring job applies them (apply-rules.ts).
import { z } from "zod";
import type { createEscalationRuleSchema, updateEscalationRuleSchema } from "@/lib/validations/escalation";
import { casePrioritySchema } from "@/lib/validations/case";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { escalationFieldErrors, requireTeam } from "./escalate-case";

const ruleSelect = {
  id: true,
  name: true,
  priority: true,
  unassignedMinutes: true,
  level: true,
  enabled: true,
  createdAt: true,
  updatedAt: true,
  team: { select: { id: true, name: true } },
} satisfies Prisma.EscalationRuleSelect;

export const escalationRuleOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** Null: cases of any priority. */
  priority: casePrioritySchema.nullable(),
  /** Minutes since the case came in, without an assignee. */
  unassignedMinutes: z.number().int(),
  level: z.string(),
  /** The team escalated cases go to (and whose members are told); null: the admins are told. */
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  enabled: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type EscalationRuleOutput = z.infer<typeof escalationRuleOutput>;

export async function listEscalationRules(db: TenantDb): Promise<EscalationRuleOutput[]> {
  return db.escalationRule.findMany({ select: ruleSelect, orderBy: [{ unassignedMinutes: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
}

async function checkRule(db: TenantDb, values: { level?: string; teamId?: string | null }): Promise<void> {
  if (values.teamId) await requireTeam(db, values.teamId);
  if (values.level === undefined) return;
  const fieldErrors = escalationFieldErrors(await loadTenantSettings(db), { level: values.level });
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors });
}

export async function createEscalationRule(db: TenantDb, input: z.output<typeof createEscalationRuleSchema>): Promise<EscalationRuleOutput> {
  await checkRule(db, input);
  const rule = await db.escalationRule.create({ data: { tenantId: requireTenantId(), ...input }, select: ruleSelect });
  await recordAudit(db, { action: "escalation_rule.created", targetType: "escalation_rule", targetId: rule.id, diff: { ...input } });
  return rule;
}

export async function updateEscalationRule(db: TenantDb, input: z.output<typeof updateEscalationRuleSchema>): Promise<EscalationRuleOutput> {
  const { id, ...changes } = input;
  const current = await db.escalationRule.findFirst({ where: { id }, select: { id: true } });
  if (!current) throw notFound("Escalation rule");
  await checkRule(db, changes);
  const rule = await db.escalationRule.update({ where: tenantKey(id), data: changes, select: ruleSelect });
  await recordAudit(db, { action: "escalation_rule.updated", targetType: "escalation_rule", targetId: id, diff: { ...changes } });
  return rule;
}

export async function deleteEscalationRule(db: TenantDb, id: string): Promise<{ id: string }> {
  const current = await db.escalationRule.findFirst({ where: { id }, select: { name: true } });
  if (!current) throw notFound("Escalation rule");
  await db.escalationRule.delete({ where: tenantKey(id), select: { id: true } });
  await recordAudit(db, { action: "escalation_rule.deleted", targetType: "escalation_rule", targetId: id, diff: { name: current.name } });
  return { id };
}
