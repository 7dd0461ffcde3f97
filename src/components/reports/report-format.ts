// How the reports page writes its figures and periods.
import type { ReportGroup } from "@/lib/validations/reports";

const dayFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const yearFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** "Nov 2": a period by its first day (calendar days, so read in UTC). */
export const dayLabel = (day: string) => dayFormat.format(utcDay(day));

/** "Nov 2" for a day, "Week of Nov 2" for a week. */
export const periodLabel = (day: string, interval: "day" | "week") => (interval === "week" ? `Week of ${dayLabel(day)}` : dayLabel(day));

/** "Nov 1 – Nov 30, 2026". */
export const rangeLabel = (from: string, to: string) => (from === to ? yearFormat.format(utcDay(to)) : `${dayLabel(from)} – ${yearFormat.format(utcDay(to))}`);

/** A share (0..1) as "94.2 %"; "—" when nothing was counted. */
export const percentText = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toLocaleString("en", { maximumFractionDigits: 1 })} %`);

export const countText = (n: number) => n.toLocaleString("en");

export const GROUP_LABELS: Record<ReportGroup, string> = {
  channel: "Channel",
  priority: "Priority",
  businessUnit: "Business unit",
  category: "Category",
  team: "Team",
};

export const AGE_LABELS = {
  today: "Today",
  "1_2d": "1–2 days ago",
  "3_6d": "3–6 days ago",
  "7_29d": "7–29 days ago",
  "30d_plus": "30+ days ago",
} as const;
