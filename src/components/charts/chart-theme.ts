// The charts' colours as CSS variables (defined in src/app/globals.css for both themes), so a
// chart drawn once reads in light and dark like the rest of the app. Series beyond the palette
// reuse it from the start; the legend and the tooltip name each series, so colour is never the
// only way to tell them apart.
const SERIES = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)", "var(--chart-6)", "var(--chart-7)", "var(--chart-8)"];

export const seriesColor = (index: number) => SERIES[index % SERIES.length]!;

export const chartTheme = {
  grid: "var(--chart-grid)",
  axis: "var(--chart-axis)",
  cursor: "var(--chart-cursor)",
} as const;

/** Axis text as the app's small print; the colour comes from the variable above. */
export const axisTick = { fill: chartTheme.axis, fontSize: 12 } as const;

/** The name of the focusable chart (recharts' accessibility layer): how to read it from the keyboard. */
export const KEYBOARD_HINT = "Chart: the arrow keys step through its points";
