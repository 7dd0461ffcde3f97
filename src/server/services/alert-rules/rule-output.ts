// What a saved alert rule looks like to its readers, and its condition parsed back from the row.
import { z } from "zod";
import { alertSeveritySchema } from "@/lib/validations/alert";
import { alertRuleConditionSchema, alertRuleKindSchema, type AlertRuleCondition } from "@/lib/validations/alert-rule";
import type { Prisma } from "@/server/db/generated/client";

export const alertRuleSelect = {
  id: true,
  name: true,
  kind: true,
  params: true,
  enabled: true,
  severity: true,
  businessUnit: true,
  cooldownMinutes: true,
  lastEvaluatedAt: true,
  lastFiredAt: true,
  createdAt: true,
  updatedAt: true,
  assignee: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
} satisfies Prisma.AlertRuleSelect;

const named = z.object({ id: z.string(), name: z.string() }).nullable();

export const alertRuleOutput = z.object({
  id: z.string(),
  name: z.string(),
  kind: alertRuleKindSchema,
  /** The kind's params, defaults filled in (src/lib/validations/alert-rule.ts). */
  params: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  severity: alertSeveritySchema,
  businessUnit: z.string().nullable(),
  /** Who the fired alert is routed to. */
  assignee: named,
  team: named,
  cooldownMinutes: z.number().int(),
  lastEvaluatedAt: z.date().nullable(),
  lastFiredAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AlertRuleOutput = z.infer<typeof alertRuleOutput>;

type Row = Prisma.AlertRuleGetPayload<{ select: typeof alertRuleSelect }>;

export const toAlertRuleOutput = (row: Row): AlertRuleOutput => ({ ...row, params: row.params as Record<string, unknown> });

/**
 * A stored condition, parsed again so defaults added since apply. One that no longer parses
 * (a schema tightened later) is null: the rule waits until someone saves it again.
 */
export function storedCondition(rule: { kind: string; params: unknown }): AlertRuleCondition | null {
  const parsed = alertRuleConditionSchema.safeParse({ kind: rule.kind, params: rule.params });
  return parsed.success ? parsed.data : null;
}
