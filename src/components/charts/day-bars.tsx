"use client";
// A count per day as bars drawn with CSS: a y axis with its grid, the first, middle and last days
// under the bars, the day's count on hover. No chart library: the overview shows it on every
// visit, and recharts would add 124 kB of JavaScript and ~270 ms of main-thread work to that page
// (npm run bench -- --only web); the reports page, where charts are the point, uses recharts.
import { ChartFigure } from "./chart-figure";

interface Props {
  days: { date: string; count: number }[];
  /** The count's name in the table ("Cases"). */
  name: string;
  summary: string;
  formatDay: (date: string) => string;
  height?: number;
}

/** Round axis steps: the top tick is the smallest 1, 2 or 5 × 10^n at or above the peak. */
export function axisTop(max: number): number {
  if (max <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((v) => v >= max)!;
}

export function DayBars({ days, name, summary, formatDay, height = 160 }: Props) {
  const top = axisTop(Math.max(0, ...days.map((d) => d.count)));
  const ticks = [top, top / 2, 0];
  const edges = [days[0], days[Math.floor((days.length - 1) / 2)], days.at(-1)];
  const table = { columns: ["Day", name], rows: days.map((d) => ({ label: formatDay(d.date), values: [d.count] })) };
  return (
    <ChartFigure summary={summary} table={table}>
      <div aria-hidden className="grid grid-cols-[2.25rem_1fr] gap-x-1">
        <div className="relative text-right text-xs tabular-nums text-slate-500" style={{ height }}>
          {ticks.map((t, i) => (
            <span key={i} className="absolute right-1 -translate-y-1/2" style={{ top: `${(i / (ticks.length - 1)) * 100}%` }}>
              {Number.isInteger(t) ? t : t.toFixed(1)}
            </span>
          ))}
        </div>
        <div className="relative flex items-end gap-[3px] border-b border-slate-200" style={{ height }}>
          {ticks.slice(0, -1).map((_, i) => (
            <span key={i} className="pointer-events-none absolute inset-x-0 border-t border-dashed border-slate-100" style={{ top: `${(i / (ticks.length - 1)) * 100}%` }} />
          ))}
          {days.map((d) => (
            <div key={d.date} className="group relative flex h-full flex-1 items-end">
              <div
                className="w-full rounded-t-sm transition-opacity group-hover:opacity-80"
                style={{ height: `${(d.count / top) * 100}%`, minHeight: d.count ? 2 : 0, background: "var(--chart-1)" }}
              />
              <span className="pointer-events-none absolute -top-7 left-1/2 z-10 hidden -translate-x-1/2 whitespace-nowrap rounded bg-slate-900 px-1.5 py-0.5 text-xs text-white group-hover:block">
                {formatDay(d.date)}: {d.count}
              </span>
            </div>
          ))}
        </div>
        <span />
        <div className="mt-1 flex justify-between text-xs text-slate-500">
          {edges.map((d, i) => (
            <span key={i}>{d ? formatDay(d.date) : ""}</span>
          ))}
        </div>
      </div>
    </ChartFigure>
  );
}
