"use client";
// The open backlog at the end of each period, and how old today's open cases are.
import { TrendAreaChart } from "@/components/charts/trend-area-chart";
import type { Report } from "@/lib/validations/reports";
import { AGE_LABELS, countText, dayLabel, periodLabel } from "./report-format";

export function BacklogPanel({ backlog, interval }: { backlog: Report["backlog"]; interval: "day" | "week" }) {
  const last = backlog.series.at(-1);
  const openNow = backlog.age.reduce((sum, a) => sum + a.count, 0);
  const max = Math.max(1, ...backlog.age.map((a) => a.count));
  return (
    <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
      <div className="min-w-0">
        <h3 className="mb-2 text-xs font-medium text-slate-600">Open at the end of each {interval}</h3>
        {backlog.series.length ? (
          <TrendAreaChart
            points={backlog.series.map((p) => ({ category: p.period, value: p.open }))}
            name="Open cases"
            summary={`Open cases at the end of each ${interval}, from ${countText(backlog.series[0]!.open)} to ${countText(last!.open)}.`}
            formatCategory={interval === "week" ? (d) => periodLabel(d, "week") : dayLabel}
            categoryName={interval === "week" ? "Week" : "Day"}
          />
        ) : (
          <p className="text-sm text-slate-500">No periods in this range.</p>
        )}
      </div>
      <div>
        <h3 className="mb-2 text-xs font-medium text-slate-600">Open now, by the day they came in ({countText(openNow)})</h3>
        <ul className="space-y-2 text-sm">
          {backlog.age.map((a) => (
            <li key={a.bucket} className="grid grid-cols-[6.5rem_1fr_3rem] items-center gap-2">
              <span className="text-slate-600">{AGE_LABELS[a.bucket]}</span>
              <span aria-hidden className="h-2 rounded-sm bg-slate-100">
                <span className="block h-full rounded-sm" style={{ width: `${(a.count / max) * 100}%`, background: "var(--chart-1)" }} />
              </span>
              <span className="text-right tabular-nums">{countText(a.count)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
