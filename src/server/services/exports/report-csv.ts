// A report as one CSV table a spreadsheet can filter: a `section` column says what each row is
// (the range's totals against the period before, a group, an agent, a period's volume of one
// series, the backlog at a period's end). Times are in seconds, rates between 0 and 1.
import type { Report, ReportMetrics } from "@/lib/validations/reports";

export const REPORT_CSV_COLUMNS = [
  "section",
  "name",
  "period_start",
  "created",
  "closed",
  "first_response_median_seconds",
  "first_response_p90_seconds",
  "resolution_median_seconds",
  "resolution_p90_seconds",
  "first_response_sla_rate",
  "resolution_sla_rate",
  "open",
] as const;

const cell = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));

function metricCells(m: ReportMetrics): string[] {
  return [
    cell(m.created),
    cell(m.closed),
    cell(m.firstResponse.medianSeconds),
    cell(m.firstResponse.p90Seconds),
    cell(m.resolution.medianSeconds),
    cell(m.resolution.p90Seconds),
    cell(m.firstResponseSla.rate),
    cell(m.resolutionSla.rate),
    "",
  ];
}

export function reportRows(report: Report): string[][] {
  const { range } = report;
  const blank = (n: number) => new Array<string>(n).fill("");
  return [
    ["total", "current", range.from, ...metricCells(report.current)],
    ["total", "previous", range.previousFrom, ...metricCells(report.previous)],
    ...report.groups.map((g) => [range.groupBy, g.label, range.from, ...metricCells(g)]),
    ...report.agents.map((a) => ["agent", a.label, range.from, ...metricCells(a)]),
    ...report.volume.series.flatMap((s) => s.counts.map((n, i) => ["volume", s.label, report.volume.periods[i]!, String(n), ...blank(8)])),
    ...report.backlog.series.map((b) => ["backlog", "open", b.period, ...blank(8), String(b.open)]),
  ];
}
