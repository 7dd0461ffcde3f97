// What the topic page shows of each candidate term: cases per hour, the split by channel and
// business unit, and the sample cases; and the sketch of its cases that grouping compares
// (term-sketches.ts). One statement for all the run's candidates, grouped in the database, so its
// answer is a bounded number of rows per term however many cases mention it, and the window's
// text is read once for all of it.
import type { TextLanguage } from "@/lib/validations/tenant-settings";
import type { TenantDb } from "@/server/db/tenant-db";
import { SKETCH_SIZE } from "./term-sketches";
import { topicTermCtes } from "./topic-terms";

export const SAMPLE_CASES = 10;
export const WINDOW_HOURS = 24;

export interface TopicDetail {
  hourly: number[];
  channels: Record<string, number>;
  businessUnits: Record<string, number>;
  /** Most relevant first: the cases that say it most, then the newest. */
  sampleCaseIds: string[];
  /** Up to SKETCH_SIZE of its cases: those with the smallest md5 of their id. */
  sketch: Set<string>;
}

export async function topicDetails(
  db: TenantDb,
  tenantId: string,
  window: { lo: Date; hi: Date },
  terms: readonly string[],
  language: TextLanguage,
): Promise<Map<string, TopicDetail>> {
  const details = new Map<string, TopicDetail>(
    terms.map((t) => [t, { hourly: new Array<number>(WINDOW_HOURS).fill(0), channels: {}, businessUnits: {}, sampleCaseIds: [], sketch: new Set<string>() }]),
  );
  if (terms.length === 0) return details;
  const rows = await db.$queryRaw<{ part: "hour" | "channel" | "unit" | "sample" | "sketch"; term: string; key: string; n: number }[]>`
    WITH ${topicTermCtes(tenantId, window.lo, window.hi, { language })},
    picked AS (
      SELECT p.term, p.case_id, p.at, p.hits, c.channel::text AS channel, coalesce(c.business_unit, '') AS unit
        FROM per_case p JOIN cases c ON c.tenant_id = ${tenantId}::uuid AND c.id = p.case_id
       WHERE p.term = ANY(${[...terms]}::text[])
    )
    SELECT 'hour' AS part, term, floor(extract(epoch FROM at - ${window.lo}::timestamptz) / 3600)::int::text AS key, count(*)::int AS n FROM picked GROUP BY term, 3
    UNION ALL SELECT 'channel', term, channel, count(*)::int FROM picked GROUP BY term, channel
    UNION ALL SELECT 'unit', term, unit, count(*)::int FROM picked GROUP BY term, unit
    UNION ALL SELECT 'sample', term, case_id::text, rn::int FROM (
      SELECT term, case_id, row_number() OVER (PARTITION BY term ORDER BY hits DESC, at DESC, case_id) AS rn FROM picked
    ) s WHERE rn <= ${SAMPLE_CASES}
    UNION ALL SELECT 'sketch', term, case_id::text, 0 FROM (
      SELECT term, case_id, row_number() OVER (PARTITION BY term ORDER BY md5(case_id::text)) AS rn FROM picked
    ) k WHERE rn <= ${SKETCH_SIZE}`;
  const samples = new Map<string, { id: string; rank: number }[]>();
  for (const row of rows) {
    const detail = details.get(row.term);
    if (!detail) continue;
    if (row.part === "hour") {
      const hour = Number(row.key);
      if (hour >= 0 && hour < WINDOW_HOURS) detail.hourly[hour] = row.n;
    } else if (row.part === "channel") detail.channels[row.key] = row.n;
    else if (row.part === "unit") detail.businessUnits[row.key] = row.n;
    else if (row.part === "sketch") detail.sketch.add(row.key);
    else samples.set(row.term, [...(samples.get(row.term) ?? []), { id: row.key, rank: row.n }]);
  }
  for (const [term, list] of samples) details.get(term)!.sampleCaseIds = list.sort((a, b) => a.rank - b.rank).map((s) => s.id);
  return details;
}
