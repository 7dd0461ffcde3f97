// The "test rule" button: a saved rule by id, or a definition not saved yet (checked as a save
// would check it, so another tenant's team is NOT_FOUND here too), replayed over the last 7 days.
import type { z } from "zod";
import type { testAlertRuleSchema } from "@/lib/validations/alert-rule";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { checkCondition, parseCondition } from "./manage-rules";
import { replayRule, type ReplayResult } from "./replay-rule";

export async function testAlertRule(db: TenantDb, input: z.output<typeof testAlertRuleSchema>, now = new Date()): Promise<ReplayResult> {
  if (input.id) {
    const rule = await db.alertRule.findFirst({ where: { id: input.id }, select: { kind: true, params: true, cooldownMinutes: true } });
    if (!rule) throw notFound("Alert rule");
    return replayRule(db, { condition: parseCondition(rule.kind, rule.params), cooldownMinutes: rule.cooldownMinutes }, now);
  }
  const definition = input.rule!;
  const condition = parseCondition(definition.kind, definition.params);
  await checkCondition(db, await loadTenantSettings(db), condition);
  return replayRule(db, { condition, cooldownMinutes: definition.cooldownMinutes }, now);
}
