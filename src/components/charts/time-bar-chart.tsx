"use client";
// Counts per period as bars, one colour per series, stacked (volume split by channel…) or side
// by side. Axes, a hover/keyboard tooltip and the accessible figure come with it; the caller
// gives the words (summary) and, for a drill-down, what a click on a bar means.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartTheme, KEYBOARD_HINT, seriesColor } from "./chart-theme";
import { ChartFigure } from "./chart-figure";
import { ChartTooltip } from "./chart-tooltip";

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
  const clickable = Boolean(barHref && onBarClick);
  return (
    <ChartFigure summary={summary} table={table} cellHref={barHref ? (r, c) => barHref(c, r) : undefined}>
      <BarChart responsive title={KEYBOARD_HINT} data={data} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} stroke={chartTheme.grid} />
        <XAxis dataKey="category" tickFormatter={formatCategory} tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={16} />
        <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={40} />
        <Tooltip cursor={{ fill: chartTheme.cursor }} content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} showTotal={stacked} formatLabel={formatCategory} />} />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={`s${i}`}
            name={s.label}
            fill={seriesColor(i)}
            stackId={stacked ? "total" : undefined}
            maxBarSize={48}
            cursor={clickable && barHref!(i, 0) ? "pointer" : undefined}
            onClick={
              clickable
                ? (_bar, c) => {
                    const href = barHref!(i, c);
                    if (href) onBarClick!(href);
                  }
                : undefined
            }
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}
