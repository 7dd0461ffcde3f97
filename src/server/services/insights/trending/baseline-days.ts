// The 28-day baseline: how many cases mentioned each term on each day before the window. A day is
// counted once, when it is over (cases are created and messages sent at a time that never moves),
// and kept in topic_days, so an hourly computation reads counts, not 28 days of text.
import type { TextLanguage } from "@/lib/validations/tenant-settings";
import type { TenantDb } from "@/server/db/tenant-db";
import { topicTermCtes } from "./topic-terms";

export const BASELINE_DAYS = 28;
const DAY = 86_400_000;
/** Days counted are kept a little longer than the baseline needs, then deleted. */
const KEEP_DAYS = BASELINE_DAYS + 7;
/**
 * A term in one case of a day is not stored: at a million cases a year that is most rows (every
 * typo, every name) and none of them make a trend. The baseline reads it as 0 instead of 1, which
 * can only make a rare term look a little more surprising, and rare terms still need `minCases`.
 */
const MIN_CASES_STORED = 2;

export const startOfUtcDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY) * DAY);

/** The baseline's days for a window starting at `windowStart`: the 28 whole UTC days before its day. */
export function baselineRange(windowStart: Date): { from: Date; to: Date } {
  const to = startOfUtcDay(windowStart);
  return { from: new Date(to.getTime() - BASELINE_DAYS * DAY), to };
}

/** The days of the range not counted yet, oldest first. */
export async function missingDays(db: TenantDb, range: { from: Date; to: Date }): Promise<Date[]> {
  const done = await db.topicDay.findMany({ where: { term: "", day: { gte: range.from, lt: range.to } }, select: { day: true } });
  const counted = new Set(done.map((d) => d.day.getTime()));
  const missing: Date[] = [];
  for (let day = range.from.getTime(); day < range.to.getTime(); day += DAY) if (!counted.has(day)) missing.push(new Date(day));
  return missing;
}

/**
 * Below this many documents (new cases and customer messages) the missing days are counted in one
 * statement; above it each day has its own (short) transaction. A new or quiet tenant's first run
 * is then one statement, not 28, and a busy tenant never holds a long transaction (which on the
 * embedded database, one backend, would hold every request: 9,000 cases and 9,000 messages took
 * 1.3 s as one statement, bench/trending.bench.ts).
 */
export const ONE_STATEMENT_DOCUMENTS = 2_000;

/** Documents written in [lo, hi): two index ranges (cases and messages by tenant and time). */
export async function documentsIn(db: TenantDb, tenantId: string, lo: Date, hi: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT ((SELECT count(*) FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.created_at >= ${lo} AND c.created_at < ${hi})
          + (SELECT count(*) FROM case_messages m WHERE m.tenant_id = ${tenantId}::uuid AND m.created_at >= ${lo} AND m.created_at < ${hi} AND m.author_type = 'CUSTOMER'))::int AS n`;
  return row?.n ?? 0;
}

/**
 * Counts the given days (UTC midnights, oldest first) in one statement. Each day's empty term (its
 * cases) is written in the same statement: a day is counted whole or not at all, and counting it
 * twice inserts nothing.
 */
export async function countDays(db: TenantDb, tenantId: string, days: readonly Date[], language: TextLanguage): Promise<void> {
  if (days.length === 0) return;
  const lo = days[0]!;
  const hi = new Date(days.at(-1)!.getTime() + DAY);
  const wanted = days.map((d) => d.toISOString().slice(0, 10));
  await db.$executeRaw`
    WITH ${topicTermCtes(tenantId, lo, hi, { language, byDay: true })}
    INSERT INTO topic_days (tenant_id, term, day, cases)
    SELECT ${tenantId}::uuid, term, day, count(*)::int FROM per_case
     WHERE day = ANY(${wanted}::date[]) GROUP BY term, day HAVING count(*) >= ${MIN_CASES_STORED}
    UNION ALL
    SELECT ${tenantId}::uuid, '', w.day,
           (SELECT count(DISTINCT d.case_id) FROM docs d WHERE (d.at AT TIME ZONE 'UTC')::date = w.day)::int
      FROM unnest(${wanted}::date[]) AS w(day)
    ON CONFLICT DO NOTHING`;
}

/** Forgets every counted day: their words were stemmed in another language (the setting changed). */
export async function forgetCountedDays(db: TenantDb): Promise<void> {
  await db.topicDay.deleteMany({ where: { day: { gte: new Date(0) } } });
}

/** Days older than the baseline needs go. */
export async function pruneDays(db: TenantDb, range: { from: Date }): Promise<void> {
  await db.topicDay.deleteMany({ where: { day: { lt: new Date(range.from.getTime() - (KEEP_DAYS - BASELINE_DAYS) * DAY) } } });
}

export interface TermCount {
  term: string;
  /** Cases in the window. */
  cases: number;
  /** Over the baseline's days: the sum of the daily counts and of their squares. */
  total: number;
  squares: number;
}

/**
 * The terms in at least `minCases` cases of [lo, hi) with their baseline sums, the window's cases,
 * and how many of the baseline's days the tenant has had cases for.
 */
export async function countWindow(
  db: TenantDb,
  tenantId: string,
  window: { lo: Date; hi: Date },
  range: { from: Date; to: Date },
  options: { minCases: number; language: TextLanguage },
): Promise<{ terms: TermCount[]; cases: number; activeDays: number }> {
  const rows = await db.$queryRaw<{ term: string | null; cases: number; total: number; squares: number }[]>`
    WITH ${topicTermCtes(tenantId, window.lo, window.hi, { language: options.language })},
    counted AS (SELECT term, count(*)::int AS cases FROM per_case GROUP BY term HAVING count(*) >= ${options.minCases}),
    base AS (
      SELECT d.term, sum(d.cases)::float8 AS total, sum(d.cases::float8 * d.cases) AS squares
        FROM topic_days d JOIN counted k ON k.term = d.term
       WHERE d.tenant_id = ${tenantId}::uuid AND d.day >= ${range.from}::date AND d.day < ${range.to}::date
       GROUP BY d.term
    )
    SELECT k.term, k.cases, coalesce(b.total, 0)::float8 AS total, coalesce(b.squares, 0)::float8 AS squares
      FROM counted k LEFT JOIN base b USING (term)
    UNION ALL
    SELECT NULL, (SELECT count(DISTINCT case_id) FROM docs)::int, 0, 0`;
  // From the first day with cases on: a tenant a week old has a 7-day baseline, while a quiet
  // weekend inside the range still counts as the zero days it was.
  const first = await db.topicDay.aggregate({ where: { term: "", day: { gte: range.from, lt: range.to }, cases: { gt: 0 } }, _min: { day: true } });
  const active = first._min.day ? Math.round((range.to.getTime() - first._min.day.getTime()) / DAY) : 0;
  const terms: TermCount[] = [];
  let cases = 0;
  for (const row of rows) {
    if (row.term === null) cases = row.cases;
    else terms.push({ term: row.term, cases: row.cases, total: Number(row.total), squares: Number(row.squares) });
  }
  return { terms, cases, activeDays: active };
}

