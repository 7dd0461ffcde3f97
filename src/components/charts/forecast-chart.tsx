"use client";
// Recent days as bars and the days ahead as a dashed line inside its band (low to high), on one
// time axis, so the forecast reads as the continuation of what came.
import { Area, Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartTheme, KEYBOARD_HINT, seriesColor } from "./chart-theme";
import { ChartFigure } from "./chart-figure";
import { ChartTooltip } from "./chart-tooltip";

interface Props {
  actual: { category: string; value: number }[];
  expected: { category: string; value: number; low: number; high: number }[];
  summary: string;
  formatCategory?: (category: string) => string;
  height?: number;
}

export function ForecastChart({ actual, expected, summary, formatCategory = (c) => c, height = 220 }: Props) {
  const data = [
    ...actual.map((a) => ({ category: a.category, actual: a.value })),
    ...expected.map((e) => ({ category: e.category, expected: e.value, band: [e.low, e.high] as [number, number] })),
  ];
  const table = {
    columns: ["Day", "Cases", "Expected", "Likely range"],
    rows: [
      ...actual.map((a) => ({ label: formatCategory(a.category), values: [a.value, "", ""] })),
      ...expected.map((e) => ({ label: formatCategory(e.category), values: ["", e.value, `${e.low}–${e.high}`] })),
    ],
  };
  return (
    <ChartFigure summary={summary} table={table}>
      <ComposedChart responsive title={KEYBOARD_HINT} data={data} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} stroke={chartTheme.grid} />
        <XAxis dataKey="category" tickFormatter={formatCategory} tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={16} />
        <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={40} />
        <Tooltip cursor={{ fill: chartTheme.cursor }} content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload?.filter((p) => p.dataKey !== "band")} label={label} formatLabel={formatCategory} />} />
        <Bar dataKey="actual" name="Cases" fill={seriesColor(0)} maxBarSize={24} />
        <Area dataKey="band" name="Likely range" stroke="none" fill={seriesColor(1)} fillOpacity={0.2} isAnimationActive={false} />
        <Line dataKey="expected" name="Expected" stroke={seriesColor(1)} strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ChartFigure>
  );
}
