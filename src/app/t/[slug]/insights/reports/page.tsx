import type { Metadata } from "next";
import { InsightsTabs } from "@/components/insights/insights-tabs";
import { BacklogPanel } from "@/components/reports/backlog-panel";
import { MetricsTable } from "@/components/reports/metrics-table";
import { RecountReportsButton } from "@/components/reports/recount-reports-button";
import { ReportExportButton } from "@/components/reports/report-export-button";
import { ForecastPanel } from "@/components/reports/forecast-panel";
import { GROUP_LABELS, rangeLabel } from "@/components/reports/report-format";
import { ReportKpis } from "@/components/reports/report-kpis";
import { assigneeFilter, casesHref, groupFilter, reportRange } from "@/components/reports/report-links";
import { parseReportQuery, todayIn, type SearchParams } from "@/components/reports/report-params";
import { ReportToolbar } from "@/components/reports/report-toolbar";
import { VolumePanel } from "@/components/reports/volume-panel";
import { Card } from "@/components/ui/card";
import { formatInZone, timeAgo } from "@/lib/format";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Reports" };

/** Volume, response and resolution times, SLA attainment and backlog over a range, from the rollups. */
export default async function ReportsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  // A value the schema refuses falls back to its default rather than failing the page.
  const query = parseReportQuery(await searchParams);
  const [report, view] = await Promise.all([orNotFound(() => api.insights.report(query)), loadTenant(slug)]);
  if (view.state !== "active") return null;
  const { tenant } = view;
  const { range } = report;
  const dimension = GROUP_LABELS[range.groupBy];
  const whole = reportRange(report);
  const countedAt = report.countedAt ? new Date(report.countedAt) : null;

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 md:px-8">
      <InsightsTabs slug={slug} current="reports" canReadSearch={tenant.permissions.includes("audit:read")} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Reports</h1>
          <p className="mt-1 text-sm text-slate-600">
            {rangeLabel(range.from, range.to)} ({range.timeZone.replace(/_/g, " ")}) ·{" "}
            {range.time === "business" ? "times in working hours only · " : null}
            {countedAt ? (
              <>
                Counted <time dateTime={report.countedAt!} title={formatInZone(countedAt, tenant.displayTimeZone)}>{timeAgo(countedAt)}</time>
              </>
            ) : (
              "Counting has not run yet"
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {tenant.permissions.includes("settings:manage") ? <RecountReportsButton countedAt={report.countedAt} /> : null}
          {tenant.permissions.includes("exports:create") ? (
            <ReportExportButton slug={slug} query={{ from: range.from, to: range.to, groupBy: range.groupBy, interval: range.interval, time: range.time }} />
          ) : null}
        </div>
      </div>

      <div className="mt-4">
        <ReportToolbar from={range.from} to={range.to} groupBy={range.groupBy} interval={range.interval} time={range.time} today={todayIn(range.timeZone)} />
      </div>

      <section aria-labelledby="kpis" className="mt-6">
        <h2 id="kpis" className="mb-2 text-sm font-semibold">
          Against {rangeLabel(range.previousFrom, range.previousTo)}
        </h2>
        <ReportKpis current={report.current} previous={report.previous} previousLabel={rangeLabel(range.previousFrom, range.previousTo)} />
      </section>

      <Card className="mt-6 min-w-0 px-4 py-4 md:px-5">
        <h2 className="mb-4 text-sm font-semibold">
          New cases by {dimension.toLowerCase()}, per {range.interval}
        </h2>
        <VolumePanel slug={slug} report={{ range, volume: report.volume }} />
      </Card>

      <section aria-labelledby="by-group" className="mt-6">
        <h2 id="by-group" className="mb-2 text-sm font-semibold">
          By {dimension.toLowerCase()}
        </h2>
        <Card>
          <MetricsTable
            caption={`Figures by ${dimension.toLowerCase()}`}
            nameHeader={dimension}
            rows={report.groups}
            columns={["created", "closed", "frMedian", "frP90", "resMedian", "resP90", "frSla", "resSla"]}
            hrefFor={(row) => casesHref(slug, whole, groupFilter(range.groupBy, row.key))}
            empty="No cases were created, answered or closed in this range."
          />
        </Card>
      </section>

      <Card className="mt-6 min-w-0 px-4 py-4 md:px-5">
        <h2 className="mb-4 text-sm font-semibold">Next 14 days</h2>
        <ForecastPanel forecast={report.forecast} />
      </Card>

      <Card className="mt-6 min-w-0 px-4 py-4 md:px-5">
        <h2 className="mb-4 text-sm font-semibold">Backlog</h2>
        <BacklogPanel backlog={report.backlog} interval={range.interval} />
      </Card>

      <section aria-labelledby="agents" className="mt-6">
        <h2 id="agents" className="mb-2 text-sm font-semibold">
          Agents
        </h2>
        <Card>
          <MetricsTable
            caption="Figures by agent"
            nameHeader="Agent"
            rows={report.agents}
            columns={["closed", "frMedian", "resMedian", "frSla", "resSla"]}
            headers={{ closed: "Handled" }}
            // Agents' figures count cases closed or answered in the range, whenever created: their cases, any time.
            hrefFor={(row) => casesHref(slug, null, assigneeFilter(row.key))}
            empty="No agent answered or closed a case in this range."
          />
        </Card>
      </section>
    </div>
  );
}
