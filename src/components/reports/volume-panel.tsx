"use client";
// Cases created per period, stacked by the report's dimension. A bar (or a cell of its table)
// opens the cases it counts; a legend entry opens that value's cases over the whole range.
import { useRouter } from "next/navigation";
import { ChartLegend } from "@/components/charts/chart-legend";
import { TimeBarChart, type BarSeries } from "@/components/charts/time-bar-chart";
import type { Report } from "@/lib/validations/reports";
import { casesHref, groupFilter, periodRange, reportRange } from "./report-links";
import { countText, dayLabel, GROUP_LABELS, periodLabel, rangeLabel } from "./report-format";

/** Series drawn in their own colour; the rest are summed as "Other" (the palette has eight). */
const MAX_SERIES = 7;
const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

export function VolumePanel({ slug, report }: { slug: string; report: Pick<Report, "range" | "volume"> }) {
  const router = useRouter();
  const { range, volume } = report;
  const shown = volume.series.slice(0, MAX_SERIES);
  const rest = volume.series.slice(MAX_SERIES);
  const series: BarSeries[] = shown.map((s) => ({ key: s.key, label: s.label, values: s.counts }));
  if (rest.length) {
    series.push({ key: "\u0000other", label: `Other (${rest.length})`, values: volume.periods.map((_, i) => sum(rest.map((s) => s.counts[i] ?? 0))) });
  }
  const total = sum(series.map((s) => sum(s.values)));
  const dimension = GROUP_LABELS[range.groupBy].toLowerCase();
  if (total === 0) return <p className="grid h-40 place-items-center text-sm text-slate-500">No cases were created in this range.</p>;

  // "Other" stands for several values: no single filter of the cases list matches it.
  const filterOf = (s: number) => (s < shown.length ? groupFilter(range.groupBy, shown[s]!.key) : undefined);
  const barHref = (s: number, c: number) => {
    const filter = filterOf(s);
    return filter === undefined ? undefined : casesHref(slug, periodRange(report, c), filter);
  };
  return (
    <>
      <TimeBarChart
        categories={volume.periods}
        series={series}
        summary={`Cases created per ${range.interval} by ${dimension}, ${rangeLabel(range.from, range.to)}: ${countText(total)} in all.`}
        formatCategory={range.interval === "week" ? (d) => periodLabel(d, "week") : dayLabel}
        categoryName={range.interval === "week" ? "Week" : "Day"}
        barHref={barHref}
        onBarClick={(href) => router.push(href)}
      />
      <ChartLegend
        label={`Cases by ${dimension}`}
        items={series.map((s, i) => {
          const filter = filterOf(i);
          return { label: s.label, detail: countText(sum(s.values)), href: filter === undefined ? undefined : casesHref(slug, reportRange(report), filter) };
        })}
      />
    </>
  );
}
