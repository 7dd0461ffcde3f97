"use client";
// The SVG of ForecastChart (recharts), loaded after the page (see time-bar-plot.tsx).
import { Area, Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartTheme, KEYBOARD_HINT, seriesColor } from "./chart-theme";
import { ChartTooltip } from "./chart-tooltip";

export interface ForecastPlotProps {
  data: { category: string; actual?: number; expected?: number; band?: [number, number] }[];
  formatCategory: (category: string) => string;
  height: number;
}

export default function ForecastPlot({ data, formatCategory, height }: ForecastPlotProps) {
  return (
    <ComposedChart responsive title={KEYBOARD_HINT} data={data} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
      <CartesianGrid vertical={false} stroke={chartTheme.grid} />
      <XAxis dataKey="category" tickFormatter={formatCategory} tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={16} />
      <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={40} />
      <Tooltip cursor={{ fill: chartTheme.cursor }} content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload?.filter((p) => p.dataKey !== "band")} label={label} formatLabel={formatCategory} />} />
      <Bar dataKey="actual" name="Cases" fill={seriesColor(0)} maxBarSize={24} />
      <Area dataKey="band" name="Likely range" stroke="none" fill={seriesColor(1)} fillOpacity={0.2} isAnimationActive={false} />
      <Line dataKey="expected" name="Expected" stroke={seriesColor(1)} strokeWidth={2} strokeDasharray="5 4" dot={false} isAnimationActive={false} />
    </ComposedChart>
  );
}
