"use client";
// One figure over time (the open backlog at the end of each period) as a line with a soft fill
// under it: the level matters more than each point. The SVG loads after the page.
import dynamic from "next/dynamic";
import { ChartFigure, ChartPlaceholder } from "./chart-figure";

const TrendAreaPlot = dynamic(() => import("./trend-area-plot"), { ssr: false, loading: () => <ChartPlaceholder /> });

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
  const table = { columns: [categoryName, name], rows: points.map((p) => ({ label: formatCategory(p.category), values: [p.value] })) };
  return (
    <ChartFigure summary={summary} table={table}>
      <div style={{ height }}>
        <TrendAreaPlot points={points} name={name} formatCategory={formatCategory} height={height} colorIndex={colorIndex} />
      </div>
    </ChartFigure>
  );
}
