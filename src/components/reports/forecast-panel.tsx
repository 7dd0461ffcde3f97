"use client";
// The next 14 days' expected new cases beside the last four weeks', the likely range, how far off
// the same method was over the last four weeks, and the expectation per channel.
import { ForecastChart } from "@/components/charts/forecast-chart";
import type { Report } from "@/lib/validations/reports";
import { countText, dayLabel, percentText } from "./report-format";

type Forecast = NonNullable<Report["forecast"]>;

export function ForecastPanel({ forecast }: { forecast: Forecast | null }) {
  if (!forecast) {
    return <p className="text-sm text-slate-500">A forecast needs four weeks of cases; it appears once there are.</p>;
  }
  const total = Math.round(forecast.days.reduce((sum, d) => sum + d.expected, 0));
  const low = Math.round(forecast.days.reduce((sum, d) => sum + d.low, 0));
  const high = Math.round(forecast.days.reduce((sum, d) => sum + d.high, 0));
  const { backtest } = forecast;
  return (
    <div className="grid gap-6 md:grid-cols-[3fr_2fr]">
      <div className="min-w-0">
        <ForecastChart
          actual={forecast.recent.map((r) => ({ category: r.day, value: r.count }))}
          expected={forecast.days.map((d) => ({ category: d.day, value: d.expected, low: d.low, high: d.high }))}
          summary={`New cases per day over the last ${forecast.recent.length} days, then about ${countText(total)} expected over the next ${forecast.days.length} days.`}
          formatCategory={dayLabel}
        />
        <p className="mt-2 text-xs text-slate-600">
          {backtest
            ? `Each day is the mean of the same weekday over the last four weeks; the band holds 80 % of the misses. Over the last ${backtest.days} days, forecasts made two weeks ahead were off by ${percentText(backtest.wape)} of the volume (${backtest.mae.toLocaleString("en")} cases a day).`
            : "Each day is the mean of the same weekday over the last four weeks."}
        </p>
      </div>
      <div>
        <p className="text-sm">
          <span className="text-2xl font-semibold tabular-nums">{countText(total)}</span> <span className="text-slate-600">expected in 14 days</span>
        </p>
        <p className="text-xs text-slate-600">
          likely {countText(low)}–{countText(high)}
        </p>
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Expected new cases over the next 14 days, by channel</caption>
          <thead className="text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 font-medium">Channel</th>
              <th scope="col" className="py-1 text-right font-medium">Expected</th>
              <th scope="col" className="py-1 text-right font-medium" title="How far off the channel's forecasts two weeks ahead were over the last four weeks">Error</th>
            </tr>
          </thead>
          <tbody>
            {forecast.channels.map((c) => (
              <tr key={c.key} className="border-t border-slate-100">
                <th scope="row" className="py-1 text-left font-normal">{c.label}</th>
                <td className="py-1 text-right tabular-nums">{countText(c.expected)}</td>
                <td className="py-1 text-right tabular-nums text-slate-600">{percentText(c.wape)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
