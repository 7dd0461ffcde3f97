// The report's reads of the rollups: a dimension's sums and histograms over two ranges, its cases
// created per day, and the backlog's net change per day. Each is one index range of
// (tenant, dimension, day); nothing here reads case rows.
import type { ReportMetrics, ReportTime } from "@/lib/validations/reports";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { addHistograms, percentile } from "./histogram";

export const ROLLUP_DIMENSIONS = ["all", "channel", "priority", "business_unit", "category", "team", "assignee"] as const;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** Sums of one dimension value over a range, before the medians are read from the histograms. */
export interface MetricSums {
  created: number;
  closed: number;
  firstResponses: number;
  firstResponseSeconds: number;
  firstResponseTargets: number;
  firstResponseMet: number;
  resolutionSeconds: number;
  resolutionTargets: number;
  resolutionMet: number;
  firstResponseHistogram: number[];
  resolutionHistogram: number[];
}

export const emptySums = (): MetricSums => ({
  created: 0,
  closed: 0,
  firstResponses: 0,
  firstResponseSeconds: 0,
  firstResponseTargets: 0,
  firstResponseMet: 0,
  resolutionSeconds: 0,
  resolutionTargets: 0,
  resolutionMet: 0,
  firstResponseHistogram: [],
  resolutionHistogram: [],
});

export function addSums(a: MetricSums, b: MetricSums): MetricSums {
  return {
    created: a.created + b.created,
    closed: a.closed + b.closed,
    firstResponses: a.firstResponses + b.firstResponses,
    firstResponseSeconds: a.firstResponseSeconds + b.firstResponseSeconds,
    firstResponseTargets: a.firstResponseTargets + b.firstResponseTargets,
    firstResponseMet: a.firstResponseMet + b.firstResponseMet,
    resolutionSeconds: a.resolutionSeconds + b.resolutionSeconds,
    resolutionTargets: a.resolutionTargets + b.resolutionTargets,
    resolutionMet: a.resolutionMet + b.resolutionMet,
    firstResponseHistogram: addHistograms(a.firstResponseHistogram, b.firstResponseHistogram),
    resolutionHistogram: addHistograms(a.resolutionHistogram, b.resolutionHistogram),
  };
}

const times = (count: number, total: number, histogram: number[]) => ({
  count,
  medianSeconds: round(percentile(histogram, 0.5)),
  p90Seconds: round(percentile(histogram, 0.9)),
  meanSeconds: count > 0 ? Math.round(total / count) : null,
});
const round = (n: number | null) => (n === null ? null : Math.round(n));
const rate = (met: number, total: number) => ({ met, total, rate: total > 0 ? met / total : null });

export function toMetrics(s: MetricSums): ReportMetrics {
  return {
    created: s.created,
    closed: s.closed,
    firstResponse: times(s.firstResponses, s.firstResponseSeconds, s.firstResponseHistogram),
    resolution: times(s.closed, s.resolutionSeconds, s.resolutionHistogram),
    firstResponseSla: rate(s.firstResponseMet, s.firstResponseTargets),
    resolutionSla: rate(s.resolutionMet, s.resolutionTargets),
  };
}

const TIME_COLUMNS = {
  calendar: {
    frSeconds: Prisma.raw("first_response_seconds"),
    resSeconds: Prisma.raw("resolution_seconds"),
    frHistogram: Prisma.raw("first_response_histogram"),
    resHistogram: Prisma.raw("resolution_histogram"),
  },
  business: {
    frSeconds: Prisma.raw("first_response_work_seconds"),
    resSeconds: Prisma.raw("resolution_work_seconds"),
    frHistogram: Prisma.raw("first_response_work_histogram"),
    resHistogram: Prisma.raw("resolution_work_histogram"),
  },
} as const satisfies Record<ReportTime, Record<string, Prisma.Sql>>;

interface SumRow {
  value: string;
  current: boolean;
  created: number;
  closed: number;
  first_responses: number;
  first_response_seconds: number;
  first_response_targets: number;
  first_response_met: number;
  resolution_seconds: number;
  resolution_targets: number;
  resolution_met: number;
}

/**
 * Per value of `dimension`: its sums over [from, to] ("current") and over [previousFrom, previousTo].
 * The histograms are summed by bucket in SQL (unnest is a C function; a SQL aggregate per row
 * would be ten times slower on a year's rows).
 */
export async function sumsByValue(
  db: TenantDb,
  tenantId: string,
  dimension: RollupDimension,
  range: { from: string; to: string; previousFrom: string },
  time: ReportTime = "calendar",
): Promise<Map<string, { current: MetricSums; previous: MetricSums }>> {
  // Column names from this fixed table only (never from input).
  const c = TIME_COLUMNS[time];
  const [rows, buckets] = await Promise.all([
    db.$queryRaw<SumRow[]>`
      SELECT value, day >= ${range.from}::date AS current,
             sum(created)::int AS created, sum(closed)::int AS closed, sum(first_responses)::int AS first_responses,
             sum(${c.frSeconds})::float8 AS first_response_seconds, sum(first_response_targets)::int AS first_response_targets,
             sum(first_response_met)::int AS first_response_met, sum(${c.resSeconds})::float8 AS resolution_seconds,
             sum(resolution_targets)::int AS resolution_targets, sum(resolution_met)::int AS resolution_met
        FROM case_report_rollups
       WHERE tenant_id = ${tenantId}::uuid AND dimension = ${dimension} AND day BETWEEN ${range.previousFrom}::date AND ${range.to}::date
       GROUP BY 1, 2`,
    db.$queryRaw<{ value: string; current: boolean; metric: "fr" | "res"; bucket: number; n: number }[]>`
      WITH r AS (
        SELECT value, day >= ${range.from}::date AS current, ${c.frHistogram} AS first_response_histogram, ${c.resHistogram} AS resolution_histogram
          FROM case_report_rollups
         WHERE tenant_id = ${tenantId}::uuid AND dimension = ${dimension} AND day BETWEEN ${range.previousFrom}::date AND ${range.to}::date)
      SELECT value, current, 'fr' AS metric, u.bucket::int AS bucket, sum(u.n)::int AS n
        FROM r, unnest(r.first_response_histogram) WITH ORDINALITY AS u(n, bucket) WHERE u.n <> 0 GROUP BY 1, 2, 4
      UNION ALL
      SELECT value, current, 'res', u.bucket::int, sum(u.n)::int
        FROM r, unnest(r.resolution_histogram) WITH ORDINALITY AS u(n, bucket) WHERE u.n <> 0 GROUP BY 1, 2, 4`,
  ]);
  const out = new Map<string, { current: MetricSums; previous: MetricSums }>();
  const entry = (value: string, current: boolean) => {
    let e = out.get(value);
    if (!e) out.set(value, (e = { current: emptySums(), previous: emptySums() }));
    return current ? e.current : e.previous;
  };
  for (const r of rows) {
    Object.assign(entry(r.value, r.current), {
      created: r.created,
      closed: r.closed,
      firstResponses: r.first_responses,
      firstResponseSeconds: r.first_response_seconds,
      firstResponseTargets: r.first_response_targets,
      firstResponseMet: r.first_response_met,
      resolutionSeconds: r.resolution_seconds,
      resolutionTargets: r.resolution_targets,
      resolutionMet: r.resolution_met,
    });
  }
  for (const b of buckets) {
    const sums = entry(b.value, b.current);
    const histogram = b.metric === "fr" ? sums.firstResponseHistogram : sums.resolutionHistogram;
    while (histogram.length < b.bucket) histogram.push(0);
    histogram[b.bucket - 1] = b.n;
  }
  return out;
}

/** Cases created per day and value of `dimension` in [from, to]. */
export function createdByDay(db: TenantDb, tenantId: string, dimension: RollupDimension, from: string, to: string) {
  return db.$queryRaw<{ value: string; day: string; created: number }[]>`
    SELECT value, to_char(day, 'YYYY-MM-DD') AS day, created
      FROM case_report_rollups
     WHERE tenant_id = ${tenantId}::uuid AND dimension = ${dimension} AND day BETWEEN ${from}::date AND ${to}::date AND created <> 0`;
}

/** The backlog before `from` (created minus closed, all time) and its net change on each day up to `to`. */
export async function backlogChanges(db: TenantDb, tenantId: string, from: string, to: string) {
  const rows = await db.$queryRaw<{ day: string | null; net: number }[]>`
    SELECT CASE WHEN day >= ${from}::date THEN to_char(day, 'YYYY-MM-DD') END AS day, sum(created - closed)::int AS net
      FROM case_report_rollups
     WHERE tenant_id = ${tenantId}::uuid AND dimension = 'all' AND day <= ${to}::date
     GROUP BY 1`;
  return { opening: rows.find((r) => r.day === null)?.net ?? 0, days: rows.filter((r) => r.day !== null) as { day: string; net: number }[] };
}
