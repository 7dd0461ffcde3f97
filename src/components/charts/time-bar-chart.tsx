"use client";
// Counts per period as bars, one colour per series, stacked (volume split by channel…) or side
// by side. Axes, a hover/keyboard tooltip and the accessible figure come with it; the caller
// gives the words (summary) and, for a drill-down, what a click on a bar means.
import dynamic from "next/dynamic";
import { ChartFigure, ChartPlaceholder } from "./chart-figure";

// recharts loads after the page (see time-bar-plot.tsx); the placeholder keeps the chart's height.
const TimeBarPlot = dynamic(() => import("./time-bar-plot"), { ssr: false, loading: () => <ChartPlaceholder /> });

export interface BarSeries {
  key: string;
  label: string;
  /** One count per category, in the categories' order. */
  values: number[];
}

interface Props {
  /** The x values (e.g. period start days), in order. */
  categories: string[];
  series: BarSeries[];
  /** One sentence for screen readers: what is counted, over what, the total. */
  summary: string;
  formatCategory?: (category: string) => string;
  /** Header of the categories' column in the figures table. */
  categoryName?: string;
  stacked?: boolean;
  height?: number;
  /** Where the bar of series `s` at category `c` leads, if anywhere; also turns the figures table into links. */
  barHref?: (s: number, c: number) => string | undefined;
  onBarClick?: (href: string) => void;
}

export function TimeBarChart({ categories, series, summary, formatCategory = (c) => c, categoryName = "Period", stacked = true, height = 240, barHref, onBarClick }: Props) {
  // Series by position (s0, s1…): their keys are tenant words and may hold any character.
  const data = categories.map((category, c) => Object.fromEntries([["category", category], ...series.map((s, i) => [`s${i}`, s.values[c] ?? 0])]));
  const table = {
    columns: [categoryName, ...series.map((s) => s.label)],
    rows: categories.map((category, c) => ({ label: formatCategory(category), values: series.map((s) => s.values[c] ?? 0) })),
  };
  return (
    <ChartFigure summary={summary} table={table} cellHref={barHref ? (r, c) => barHref(c, r) : undefined}>
      <div style={{ height }}>
        <TimeBarPlot data={data} series={series} formatCategory={formatCategory} stacked={stacked} height={height} barHref={barHref} onBarClick={onBarClick} />
      </div>
    </ChartFigure>
  );
}
