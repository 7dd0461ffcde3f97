"use client";
// The SVG of TimeBarChart (recharts), loaded after the page: recharts is the heaviest part of a
// chart, and the figure's caption and table (server-rendered) carry its numbers meanwhile.
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartTheme, KEYBOARD_HINT, seriesColor } from "./chart-theme";
import { ChartTooltip } from "./chart-tooltip";
import type { BarSeries } from "./time-bar-chart";

export interface TimeBarPlotProps {
  data: Record<string, string | number>[];
  series: BarSeries[];
  formatCategory: (category: string) => string;
  stacked: boolean;
  height: number;
  barHref?: (s: number, c: number) => string | undefined;
  onBarClick?: (href: string) => void;
}

export default function TimeBarPlot({ data, series, formatCategory, stacked, height, barHref, onBarClick }: TimeBarPlotProps) {
  const clickable = Boolean(barHref && onBarClick);
  return (
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
  );
}
