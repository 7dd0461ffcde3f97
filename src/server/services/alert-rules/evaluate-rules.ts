// The minute's evaluation of one tenant's enabled rules, in the tenant's one transaction (the job
// runs it as its tenant). Each rule is first claimed for the minute: lastEvaluatedAt moves to the
// slot only if it was before it, a conditional UPDATE that a second runner of the same minute
// waits on and then finds already done, so the minute fires at most once whoever runs it and
// however often (a retried job, two runners, a fan-out enqueued twice). A rule in its cool-down
// is claimed but not measured. Rules that fire become one fireAlerts call (dedupe key
// `rule:<id>`: firing again counts an occurrence and reopens a resolved alert).
// Evaluated as of the slot, not the clock: windows of consecutive minutes then meet exactly, so
// KEYWORD neither misses nor repeats the cases between two runs.
import type { TenantDb } from "@/server/db/tenant-db";
import type { Logger } from "@/server/logger";
import { fireAlerts, type Firing } from "@/server/services/alerts/fire-alert";
import { ALERT_RELATED_CASES_MAX } from "@/lib/validations/alert";
import { describeReading, measureCondition, sampleCases } from "./kinds";
import { storedCondition } from "./rule-output";
import type { MeasureContext } from "./rule-kind";

export const ruleDedupeKey = (ruleId: string) => `rule:${ruleId}`;

export interface EvaluationResult {
  evaluated: number;
  fired: number;
  /** Rules another run already evaluated for this minute. */
  skipped: number;
}

/** `slot`: the minute evaluated (the recurring slot), the time every window ends at. */
export async function evaluateAlertRules(db: TenantDb, slot: Date, options: { logger?: Pick<Logger, "warn"> } = {}): Promise<EvaluationResult> {
  const rules = await db.alertRule.findMany({
    where: { enabled: true },
    select: {
      id: true, name: true, kind: true, params: true, severity: true, businessUnit: true,
      assigneeId: true, teamId: true, cooldownMinutes: true, lastEvaluatedAt: true, lastFiredAt: true,
    },
    orderBy: { id: "asc" },
  });
  const result: EvaluationResult = { evaluated: 0, fired: 0, skipped: 0 };
  const firings: Firing[] = [];
  const firedIds: string[] = [];
  for (const rule of rules) {
    const { count } = await db.alertRule.updateMany({
      where: { id: rule.id, OR: [{ lastEvaluatedAt: null }, { lastEvaluatedAt: { lt: slot } }] },
      data: { lastEvaluatedAt: slot },
    });
    if (count === 0) {
      result.skipped++;
      continue;
    }
    result.evaluated++;
    if (rule.lastFiredAt && slot.getTime() - rule.lastFiredAt.getTime() < rule.cooldownMinutes * 60_000) continue;
    const condition = storedCondition(rule);
    if (!condition) {
      options.logger?.warn({ ruleId: rule.id, kind: rule.kind }, "alert rule params no longer valid; skipped until saved again");
      continue;
    }
    const ctx: MeasureContext = { live: true, since: rule.lastEvaluatedAt };
    const [reading] = await measureCondition(db, condition, [slot], ctx);
    if (!reading?.fires) continue;
    const [sample] = await sampleCases(db, condition, [reading], ctx);
    const { headline, description } = describeReading(condition, reading);
    firings.push({
      title: `${rule.name}: ${headline}`.slice(0, 200),
      description,
      severity: rule.severity,
      businessUnit: rule.businessUnit,
      labels: { rule: rule.name, kind: rule.kind, value: String(reading.value), ...(reading.baseline !== undefined ? { baseline: reading.baseline.toFixed(1) } : {}) },
      relatedCaseIds: (sample ?? []).slice(0, ALERT_RELATED_CASES_MAX),
      dedupeKey: ruleDedupeKey(rule.id),
      assigneeId: rule.assigneeId,
      teamId: rule.teamId,
      source: "RULE",
    });
    firedIds.push(rule.id);
  }
  if (firings.length > 0) {
    await fireAlerts(db, firings);
    await db.alertRule.updateMany({ where: { id: { in: firedIds } }, data: { lastFiredAt: slot } });
  }
  result.fired = firings.length;
  return result;
}
