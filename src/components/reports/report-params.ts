// The reports page keeps its question in the URL (?from=&to=&groupBy=&interval=&time=) so a report can
// be shared and reloaded. This reads it into the procedure's input: a value the schema refuses is
// dropped (its default applies) rather than failing the page, as on the cases list.
import { addDays, daysBetween } from "@/lib/calendar-days";
import { REPORT_MAX_DAYS, reportQuerySchema, type ReportQuery } from "@/lib/validations/reports";

export { todayIn } from "@/lib/calendar-days";

export type SearchParams = Record<string, string | string[] | undefined>;

const KEYS = ["from", "to", "groupBy", "interval", "time"] as const;

export function parseReportQuery(params: SearchParams): ReportQuery {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params[key];
    const one = Array.isArray(value) ? value[0] : value;
    if (one) raw[key] = one;
  }
  // A range longer than a report covers keeps its last day and the default length.
  if (raw.from && raw.to && daysBetween(raw.from, raw.to) >= REPORT_MAX_DAYS) delete raw.from;
  const parsed = reportQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  return reportQuerySchema.safeParse(raw).data ?? reportQuerySchema.parse({});
}

export const RANGE_PRESETS = [7, 30, 90] as const;

/** The last `days` days up to and including `today`. */
export function presetRange(days: number, today: string): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}
