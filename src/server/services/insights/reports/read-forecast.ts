// The reports' forecast: the last nine weeks' new cases per channel from the rollups (days of the
// organisation's time zone, today left out as it is not over), forecast in all and per channel.
import type { Report } from "@/lib/validations/reports";
import type { TenantDb } from "@/server/db/tenant-db";
import { FORECAST_HISTORY_DAYS, forecastVolume } from "./forecast";
import { createdByDay } from "./read-rollups";
import { addDays, daysBetween } from "@/lib/calendar-days";

const SHOWN_DAYS = 28;

export async function readForecast(db: TenantDb, tenantId: string, today: string, labelOf: (channel: string) => string): Promise<Report["forecast"]> {
  const from = addDays(today, -FORECAST_HISTORY_DAYS);
  const rows = await createdByDay(db, tenantId, "channel", from, addDays(today, -1));
  if (rows.length === 0) return null;
  // History starts at the first day with a case: the days before the tenant had any are not quiet days.
  const first = rows.reduce((min, r) => (r.day < min ? r.day : min), rows[0]!.day);
  const length = daysBetween(first, today);
  const byChannel = new Map<string, number[]>();
  const total = new Array<number>(length).fill(0);
  for (const r of rows) {
    let series = byChannel.get(r.value);
    if (!series) byChannel.set(r.value, (series = new Array<number>(length).fill(0)));
    const i = daysBetween(first, r.day);
    series[i]! += r.created;
    total[i]! += r.created;
  }
  const forecast = forecastVolume(total);
  if (!forecast) return null;
  const channels = [...byChannel.entries()]
    .map(([key, series]) => {
      const f = forecastVolume(series);
      return { key, label: labelOf(key), expected: Math.round(f ? f.days.reduce((a, d) => a + d.expected, 0) : 0), wape: f?.backtest?.wape ?? null };
    })
    .sort((a, b) => b.expected - a.expected);
  return {
    recent: total.slice(-SHOWN_DAYS).map((count, i) => ({ day: addDays(today, i - Math.min(SHOWN_DAYS, total.length)), count })),
    // The history ends yesterday, so the first day forecast is today (its cases so far are not a day's).
    days: forecast.days.map((d, h) => ({ day: addDays(today, h), ...d })),
    channels,
    backtest: forecast.backtest,
  };
}
