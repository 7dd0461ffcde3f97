// Dates as people read them in lists: "3 min ago", "Nov 12".
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const short = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric" });

export function timeAgo(date: Date | null | undefined, now = new Date()): string {
  if (!date) return "never";
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, "second");
  if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour");
  if (abs < 30 * 86_400) return relative.format(Math.round(seconds / 86_400), "day");
  return short.format(date);
}

export const formatDate = (date: Date) => short.format(date);

// Times in the tenant's time zone (its settings), so everyone of the organisation reads the same
// clock whatever their browser's zone. Label the zone once per page.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}`;
  let f = zoneFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: seconds ? "medium" : "short", timeZone });
    zoneFormats.set(key, f);
  }
  return f;
}

/** "Nov 30, 2026, 4:05 PM" in `timeZone`; "—" for no date. */
export function formatInZone(date: Date | string | null | undefined, timeZone: string, opts: { seconds?: boolean } = {}): string {
  if (!date) return "—";
  return zoneFormat(timeZone, opts.seconds ?? false).format(typeof date === "string" ? new Date(date) : date);
}

/** Date and time in a time zone, the zone named: "Dec 1, 2026, 9:00 AM (Europe/Paris)". */
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatInZone(date, timeZone)} (${timeZone})`;
}

/** "Europe/Amsterdam, UTC+1": the zone's name and its current offset, for a column header. */
export function zoneLabel(timeZone: string, now = new Date()): string {
  const offset = new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "shortOffset" }).formatToParts(now).find((p) => p.type === "timeZoneName")?.value;
  const gmt = offset?.replace("GMT", "UTC");
  return gmt && gmt !== timeZone ? `${timeZone.replace(/_/g, " ")}, ${gmt}` : timeZone;
}

/** A span as a short age: "45 min", "5 h", "3 d" (rounded down, so "1 d" means a full day). */
export function ageText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / (24 * 60)).toLocaleString("en")} d`;
}

const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/**
 * A measured time (first response, resolution) in seconds: "42 min", "3.5 h", "2.1 d"; "—" when
 * nothing was measured. Unlike ageText it rounds to the nearest tenth, since "3 h" for a 3 h 50
 * median hides what a report is read for; whole numbers from 10 up ("14 h", "12 d").
 */
export function durationText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, seconds);
  if (s < 60) return `${Math.round(s)} s`;
  const unit = (value: number, suffix: string) => `${(value < 9.95 ? oneDecimal : wholeNumber).format(value)} ${suffix}`;
  // Each unit until its rounded figure would read as the next one ("60 min" is "1 h").
  if (Math.round(s / 60) < 60) return `${Math.round(s / 60)} min`;
  if (s / 3600 < 23.95) return unit(s / 3600, "h");
  return unit(s / 86_400, "d");
}
