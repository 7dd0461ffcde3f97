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

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
/** Date and time in a time zone, the zone named: "Dec 1, 2026, 9:00 AM (Europe/Paris)". */
export function formatDateTime(date: Date, timeZone: string): string {
  let format = dateTimeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone });
    dateTimeFormats.set(timeZone, format);
  }
  return `${format.format(date)} (${timeZone})`;
}

/** A span as a short age: "45 min", "5 h", "3 d" (rounded down, so "1 d" means a full day). */
export function ageText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h`;
  return `${Math.floor(minutes / (24 * 60)).toLocaleString("en")} d`;
}
