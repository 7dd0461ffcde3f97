"use client";
// The SVG of TrendAreaChart (recharts), loaded after the page (see time-bar-plot.tsx).
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartTheme, KEYBOARD_HINT, seriesColor } from "./chart-theme";
import { ChartTooltip } from "./chart-tooltip";

export interface TrendAreaPlotProps {
  points: { category: string; value: number }[];
  name: string;
  formatCategory: (category: string) => string;
  height: number;
  colorIndex: number;
}

export default function TrendAreaPlot({ points, name, formatCategory, height, colorIndex }: TrendAreaPlotProps) {
  const color = seriesColor(colorIndex);
  return (
    <AreaChart responsive title={KEYBOARD_HINT} data={points} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
      <CartesianGrid vertical={false} stroke={chartTheme.grid} />
      <XAxis dataKey="category" tickFormatter={formatCategory} tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={16} />
      <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={40} />
      <Tooltip cursor={{ stroke: chartTheme.axis, strokeDasharray: "3 3" }} content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} formatLabel={formatCategory} />} />
      <Area type="monotone" dataKey="value" name={name} stroke={color} strokeWidth={2} fill={color} fillOpacity={0.15} dot={points.length <= 31 ? { r: 2, fill: color } : false} />
    </AreaChart>
  );
}
