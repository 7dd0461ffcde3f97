"use client";
// Recent days as bars and the days ahead as a dashed line inside its band (low to high), on one
// time axis, so the forecast reads as the continuation of what came. The SVG loads after the page.
import dynamic from "next/dynamic";
import { ChartFigure, ChartPlaceholder } from "./chart-figure";

const ForecastPlot = dynamic(() => import("./forecast-plot"), { ssr: false, loading: () => <ChartPlaceholder /> });

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
      <div style={{ height }}>
        <ForecastPlot data={data} formatCategory={formatCategory} height={height} />
      </div>
    </ChartFigure>
  );
}
