// The rule kinds by name; a kind added to the enum without an evaluator fails to compile here.
import type { AlertRuleCondition, AlertRuleKind } from "@/lib/validations/alert-rule";
import type { TenantDb } from "@/server/db/tenant-db";
import { samplePerWindow } from "../case-windows";
import type { MeasureContext, Reading, RuleKind } from "../rule-kind";
import { backlog } from "./backlog";
import { keyword } from "./keyword";
import { slaBreaches } from "./sla-breaches";
import { unassignedAge } from "./unassigned-age";
import { volumeSpike } from "./volume-spike";

const KINDS: { [K in AlertRuleKind]: RuleKind<K> } = {
  VOLUME_SPIKE: volumeSpike,
  SLA_BREACHES: slaBreaches,
  UNASSIGNED_AGE: unassignedAge,
  BACKLOG: backlog,
  KEYWORD: keyword,
};

/** The kind's evaluator with its params, typed together (the union is checked once, here). */
function kindOf(condition: AlertRuleCondition): { kind: RuleKind<AlertRuleKind>; params: never } {
  return { kind: KINDS[condition.kind] as RuleKind<AlertRuleKind>, params: condition.params as never };
}

export function measureCondition(db: TenantDb, condition: AlertRuleCondition, points: readonly Date[], ctx: MeasureContext): Promise<Reading[]> {
  const { kind, params } = kindOf(condition);
  return kind.measure(db, params, points, ctx);
}

/** Up to 50 case ids explaining each reading, in one statement for all. */
export function sampleCases(db: TenantDb, condition: AlertRuleCondition, readings: readonly Reading[], ctx: MeasureContext): Promise<string[][]> {
  const { kind, params } = kindOf(condition);
  return samplePerWindow(db, readings.map((r) => kind.window(params, r.at, ctx)), kind.match(params, ctx), kind.order);
}

export function describeReading(condition: AlertRuleCondition, reading: Reading): { headline: string; description: string } {
  const { kind, params } = kindOf(condition);
  return { headline: kind.headline(params, reading), description: kind.description(params, reading) };
}
