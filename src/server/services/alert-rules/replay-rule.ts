// "What would have fired over the last 7 days": the rule's condition at each of the 168 hour
// boundaries before now, without creating anything, with the cool-down applied as the minute's
// evaluation would (a firing within cooldownMinutes of the previous one is left out). Set-based:
// one count statement for all points (VOLUME_SPIKE's 4 baselines included) and one sample
// statement for the points that fire.
import type { AlertRuleCondition } from "@/lib/validations/alert-rule";
import type { TenantDb } from "@/server/db/tenant-db";
import { measureCondition, sampleCases } from "./kinds";
import type { MeasureContext } from "./rule-kind";

const HOUR = 3_600_000;
export const REPLAY_POINTS = 168;

export interface ReplayFiring {
  at: Date;
  value: number;
  baseline?: number;
  sampleCaseIds: string[];
}

export interface ReplayResult {
  firings: ReplayFiring[];
  evaluatedPoints: number;
}

/** Hour boundaries, oldest first, the last one the hour `now` is in. */
export function replayPoints(now: Date): Date[] {
  const last = Math.floor(now.getTime() / HOUR) * HOUR;
  return Array.from({ length: REPLAY_POINTS }, (_, i) => new Date(last - (REPLAY_POINTS - 1 - i) * HOUR));
}

export async function replayRule(db: TenantDb, rule: { condition: AlertRuleCondition; cooldownMinutes: number }, now = new Date()): Promise<ReplayResult> {
  const points = replayPoints(now);
  const ctx: MeasureContext = { live: false, since: null };
  const readings = await measureCondition(db, rule.condition, points, ctx);
  const fired = [];
  let lastFired: number | null = null;
  for (const reading of readings) {
    if (!reading.fires) continue;
    if (lastFired !== null && reading.at.getTime() - lastFired < rule.cooldownMinutes * 60_000) continue;
    fired.push(reading);
    lastFired = reading.at.getTime();
  }
  const samples = await sampleCases(db, rule.condition, fired, ctx);
  return {
    firings: fired.map((r, i) => ({ at: r.at, value: r.value, ...(r.baseline !== undefined ? { baseline: r.baseline } : {}), sampleCaseIds: samples[i] ?? [] })),
    evaluatedPoints: points.length,
  };
}
