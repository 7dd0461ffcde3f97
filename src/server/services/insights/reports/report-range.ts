// A report's days as plain calendar dates of the organisation's time zone ("2026-11-30"): the
// range asked for (default: the last 30 days up to today), the period just before it of the same
// length, and the periods the charts are drawn in (days, or weeks from Monday cut at the range).
import { addDays, daysBetween, todayIn } from "@/lib/calendar-days";
import { REPORT_MAX_DAYS, type ReportQuery } from "@/lib/validations/reports";

export const DEFAULT_REPORT_DAYS = 30;

export interface ReportRange {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** Each period's first day, oldest first. */
  periods: string[];
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

export function reportRange(query: Pick<ReportQuery, "from" | "to" | "interval">, timeZone: string, now = new Date()): ReportRange {
  const today = todayIn(timeZone, now);
  // A range given by its first day alone runs to today (at most REPORT_MAX_DAYS long).
  // (A first day after today makes a one-day range: there is nothing yet to count.)
  const to = query.to ?? (query.from ? maxDay(query.from, minDay(today, addDays(query.from, REPORT_MAX_DAYS - 1))) : today);
  const from = query.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1));
  const length = daysBetween(from, to) + 1;
  const periods: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    // A week starts on Monday (getUTCDay: 0 = Sunday); the range's first day starts its first period.
    if (query.interval === "day" || day === from || toDate(day).getUTCDay() === 1) periods.push(day);
  }
  return { from, to, previousFrom: addDays(from, -length), previousTo: addDays(from, -1), periods };
}

/** The period a day falls in: the last period starting on or before it. */
export function periodOf(periods: readonly string[], day: string): number {
  let lo = 0;
  let hi = periods.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (periods[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
