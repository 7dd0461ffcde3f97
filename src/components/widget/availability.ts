// "We're online" or when the team is back, in the visitor's own clock and language: the tenant's
// business hours come as an instant (nextOpenAt), which each visitor reads in their time zone.
import type { WidgetConfig } from "@/lib/validations/chat-widget";

/** The visitor's locale and zone unless a test names them. */
export interface ClockOptions {
  locale?: string;
  timeZone?: string;
}

/** The calendar day of an instant in a time zone, as a day number (days since 1970-01-01). */
function dayNumber(date: Date, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(date);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part("year"), part("month") - 1, part("day")) / 86_400_000);
}

/**
 * When the team is back: "Back at 9:00 AM" (today), "Back tomorrow at 9:00 AM", "Back Monday at
 * 9:00 AM" (within the week), "Back Mon, Dec 14 at 9:00 AM" (later). The words are English like
 * the rest of the widget; the time and day names are in the visitor's locale.
 */
export function backAtText(nextOpenAt: string, now: Date, { locale, timeZone }: ClockOptions = {}): string | null {
  const at = new Date(nextOpenAt);
  if (Number.isNaN(at.getTime())) return null;
  const clock = new Intl.DateTimeFormat(locale, { timeZone, timeStyle: "short" }).format(at);
  const days = dayNumber(at, timeZone) - dayNumber(now, timeZone);
  if (days <= 0) return `Back at ${clock}`;
  if (days === 1) return `Back tomorrow at ${clock}`;
  if (days < 7) return `Back ${new Intl.DateTimeFormat(locale, { timeZone, weekday: "long" }).format(at)} at ${clock}`;
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", month: "short", day: "numeric" }).format(at);
  return `Back ${day} at ${clock}`;
}

/** The status line under the widget's greeting. */
export function availabilityText(config: Pick<WidgetConfig, "open" | "nextOpenAt">, now: Date, options?: ClockOptions): string {
  if (config.open) return "We're online";
  return (config.nextOpenAt && backAtText(config.nextOpenAt, now, options)) || "We're away right now";
}
