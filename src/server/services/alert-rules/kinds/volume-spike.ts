// A spike of new cases (optionally of one channel, business unit, category or tag): the last 60
// minutes against the same hour of the week over the previous 4 weeks. Fires when the count is
// above mean + zScore·stddev of those 4 samples (population stddev: they are the whole baseline)
// and at least minCount, so a quiet queue's 0 → 2 is not an alert.
import { Prisma } from "@/server/db/generated/client";
import { countPerWindow, createdInWindow, scopeSql, type CaseWindow } from "../case-windows";
import type { RuleKind } from "../rule-kind";

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const BASELINE_WEEKS = 4;

const hourBefore = (at: Date): CaseWindow => ({ at, lo: new Date(at.getTime() - HOUR) });

export function spikeThreshold(samples: readonly number[], zScore: number): { mean: number; threshold: number } {
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  const variance = samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length;
  return { mean, threshold: mean + zScore * Math.sqrt(variance) };
}

export const volumeSpike: RuleKind<"VOLUME_SPIKE"> = {
  async measure(db, params, points) {
    // Per point: the current hour, then the same hour 1..4 weeks earlier; one statement for all.
    const windows = points.flatMap((at) => [0, ...Array.from({ length: BASELINE_WEEKS }, (_, k) => k + 1)].map((k) => hourBefore(new Date(at.getTime() - k * WEEK))));
    const counts = await countPerWindow(db, windows, Prisma.sql`${createdInWindow} ${scopeSql(params.scope)}`);
    return points.map((at, p) => {
      const [value, ...baseline] = counts.slice(p * (BASELINE_WEEKS + 1), (p + 1) * (BASELINE_WEEKS + 1)) as [number, ...number[]];
      const { mean, threshold } = spikeThreshold(baseline, params.zScore);
      return { at, value, baseline: mean, fires: value > threshold && value >= params.minCount };
    });
  },
  window: (_params, at) => hourBefore(at),
  match: (params) => Prisma.sql`${createdInWindow} ${scopeSql(params.scope)}`,
  order: Prisma.sql`c.created_at DESC, c.id DESC`,
  headline: (_params, r) => `${r.value.toLocaleString("en-US")} cases in the last hour (usual ${Math.round(r.baseline ?? 0)})`,
  description: (params, r) =>
    `${r.value} cases came in during the hour before ${r.at.toISOString()}; the same hour of the last ${BASELINE_WEEKS} weeks averaged ${(r.baseline ?? 0).toFixed(1)}. ` +
    `The rule fires above the average plus ${params.zScore} standard deviations, at ${params.minCount} cases or more.`,
};
