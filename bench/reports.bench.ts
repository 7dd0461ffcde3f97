// Reports on a big tenant: two years of cases (PostgreSQL 1,000,000; the embedded database 20,000),
// counted into the rollups once, then a 90-day report split by channel. Side by side:
//   rollups           readReport as the page asks for it (range, period before, volume by day,
//                     medians and p90s, SLA, backlog, agents)                         (baseline)
//   from the cases    the design not taken: the same figures by GROUP BY and percentile_cont
//                     over the case rows of the range each time
// Also timed once: the first counting of every case, and taking in 1 % of the cases edited.
import { reportQuerySchema } from "@/lib/validations/reports";
import { withTenantDb } from "@/server/db/tenant-db";
import type { TenantDb } from "@/server/db/tenant-db";
import { countCaseChanges } from "@/server/services/insights/reports/count-case-changes";
import { readReport } from "@/server/services/insights/reports/read-report";
import { compareSideBySide } from "./lib/measure";
import type { BenchModule } from "./lib/types";

const DAY_MS = 86_400_000;

/** The figures of a 90-day report by channel straight from the case rows. */
async function fromCases(db: TenantDb, tenantId: string, from: Date, to: Date) {
  const closedAt = `CASE WHEN status IN ('RESOLVED', 'CLOSED') THEN coalesce(resolved_at, closed_at, updated_at) END`;
  const times = (at: string, by: string) => `
    SELECT ${by} AS value, count(*)::int AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${at} - created_at)) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM ${at} - created_at)) AS p90,
           count(*) FILTER (WHERE resolution_due_at IS NOT NULL AND ${at} <= resolution_due_at)::int AS met
      FROM cases WHERE tenant_id = $1::uuid AND ${at} >= $2 AND ${at} < $3 GROUP BY 1`;
  const q = (sql: string, ...args: unknown[]) => db.$queryRawUnsafe(sql, tenantId, ...args);
  return Promise.all([
    q(`SELECT channel, (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int FROM cases
        WHERE tenant_id = $1::uuid AND created_at >= $2 AND created_at < $3 GROUP BY 1, 2`, from, to),
    q(times("first_responded_at", "channel::text"), from, to),
    q(times(closedAt, "channel::text"), from, to),
    q(times("first_responded_at", "assignee_id::text"), from, to),
    q(times(closedAt, "assignee_id::text"), from, to),
    q(`SELECT d::date AS day, sum(n)::int AS net FROM (
         SELECT (created_at AT TIME ZONE 'UTC')::date AS d, 1 AS n FROM cases WHERE tenant_id = $1::uuid AND created_at < $2
         UNION ALL
         SELECT (${closedAt} AT TIME ZONE 'UTC')::date, -1 FROM cases WHERE tenant_id = $1::uuid AND ${closedAt} < $2) x GROUP BY 1`, to),
  ]);
}

export const reportsBench: BenchModule = {
  name: "reports",
  title: "reports — a 90-day report from the rollups vs from the case rows",
  optIn: true,
  async run(ctx) {
    const total = (ctx.kind === "postgres" ? 1_000_000 : 20_000) / (ctx.quick ? 10 : 1);
    const tenant = await ctx.syntheticTenant(`bench-reports-${total}`, total);
    await ctx.db.sql.exec(`VACUUM (ANALYZE) cases`);
    const withDb = <R>(fn: (db: TenantDb) => Promise<R>) => withTenantDb(tenant.id, fn, { timeoutMs: 600_000 });

    const t0 = performance.now();
    const first = await countCaseChanges(withDb, { maxBatches: Number.POSITIVE_INFINITY });
    const firstMs = performance.now() - t0;
    if (first.changed !== total) throw new Error(`reports: counted ${first.changed} of ${total} cases`);
    await ctx.db.sql.exec(`VACUUM (ANALYZE) case_report_rollups, case_report_facts`);

    // 1 % of the cases edited: a new priority (a case moves between groups).
    const edited = Math.round(total / 100);
    await ctx.db.sql.transaction(async (tx) => {
      await tx.exec(`SET LOCAL ROLE caseboard_privileged`);
      await tx.query(
        `UPDATE cases SET priority = CASE priority WHEN 'LOW' THEN 'HIGH'::"CasePriority" ELSE 'LOW'::"CasePriority" END, updated_at = now()
          WHERE tenant_id = $1::uuid AND id IN (SELECT id FROM cases WHERE tenant_id = $1::uuid ORDER BY random() LIMIT $2)`,
        [tenant.id, edited],
      );
    });
    const t1 = performance.now();
    const incremental = await countCaseChanges(withDb);
    const incrementalMs = performance.now() - t1;

    const now = new Date();
    const query = reportQuerySchema.parse({ from: new Date(now.getTime() - 89 * DAY_MS).toISOString().slice(0, 10), groupBy: "channel" });
    const report = await withDb((db) => readReport(db, query));
    const from = new Date(report.range.startsAt);
    const to = new Date(report.range.endsAt);
    // The figures must be right, or their speed means nothing.
    const direct = await withDb((db) => db.case.count({ where: { createdAt: { gte: from, lt: to } } }));
    if (direct !== report.current.created) throw new Error(`reports: the rollups say ${report.current.created} cases created, the cases ${direct}`);
    const rows = await compareSideBySide(
      [
        { label: "90-day report from the rollups", baseline: true, fn: () => withDb((db) => readReport(db, query)) },
        { label: "same figures from the case rows", fn: () => withDb((db) => fromCases(db, tenant.id, from, to)) },
      ],
      { durationMs: ctx.quick ? 2_000 : 15_000, blockMs: ctx.quick ? 300 : 1_000, warmupMs: 300, onRound: (r, n) => ctx.log(`reports: ${r}/${n} rounds`) },
    );
    const facts = await withDb((db) => db.caseReportRollup.count());
    return {
      subtitle: `${total.toLocaleString("en-US")} cases over two years in one tenant; the report covers ${report.current.created.toLocaleString("en-US")} cases created in 90 days`,
      rows,
      notes: [
        `first counting of every case: ${Math.round(firstMs).toLocaleString("en-US")} ms (${first.batches} batches, ${Math.round(total / (firstMs / 1000)).toLocaleString("en-US")} cases/s); ${facts.toLocaleString("en-US")} rollup rows`,
        `taking in ${edited.toLocaleString("en-US")} edited cases: ${Math.round(incrementalMs).toLocaleString("en-US")} ms (${incremental.changed.toLocaleString("en-US")} changed)`,
      ],
    };
  },
};
