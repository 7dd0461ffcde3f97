"use client";
// One figure over time (the open backlog at the end of each period) as a line with a soft fill
// under it: the level matters more than each point.
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, chartTheme, KEYBOARD_HINT, seriesColor } from "./chart-theme";
import { ChartFigure } from "./chart-figure";
import { ChartTooltip } from "./chart-tooltip";

interface Props {
  points: { category: string; value: number }[];
  /** What the value is, for the tooltip and the table: "Open cases". */
  name: string;
  summary: string;
  formatCategory?: (category: string) => string;
  categoryName?: string;
  height?: number;
  /** Palette position (see chart-theme). */
  colorIndex?: number;
}

export function TrendAreaChart({ points, name, summary, formatCategory = (c) => c, categoryName = "Period", height = 200, colorIndex = 0 }: Props) {
  const color = seriesColor(colorIndex);
  const table = { columns: [categoryName, name], rows: points.map((p) => ({ label: formatCategory(p.category), values: [p.value] })) };
  return (
    <ChartFigure summary={summary} table={table}>
      <AreaChart responsive title={KEYBOARD_HINT} data={points} style={{ width: "100%", height }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} stroke={chartTheme.grid} />
        <XAxis dataKey="category" tickFormatter={formatCategory} tick={axisTick} tickLine={false} axisLine={{ stroke: chartTheme.grid }} minTickGap={16} />
        <YAxis allowDecimals={false} tick={axisTick} tickLine={false} axisLine={false} width={40} />
        <Tooltip cursor={{ stroke: chartTheme.axis, strokeDasharray: "3 3" }} content={({ active, payload, label }) => <ChartTooltip active={active} payload={payload} label={label} formatLabel={formatCategory} />} />
        <Area type="monotone" dataKey="value" name={name} stroke={color} strokeWidth={2} fill={color} fillOpacity={0.15} dot={points.length <= 31 ? { r: 2, fill: color } : false} />
      </AreaChart>
    </ChartFigure>
  );
}
