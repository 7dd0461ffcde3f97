// SLA targets: first response and resolution due times, counted in the tenant's working hours
// and time zone (tenant settings). Time zones through Intl, which Node ships with full ICU data,
// so daylight-saving changes fall where the tenant's clocks change.
import type { CasePriority } from "@/lib/validations/case";
import type { TenantSettings } from "@/lib/validations/tenant-settings";

type WorkingTime = { hours: number } | { businessDays: number };

/** Targets in working time; a business day is one working day of the tenant (e.g. 09:00–17:00). */
export const SLA_TARGETS: Readonly<Record<CasePriority, { firstResponse: WorkingTime; resolution: WorkingTime }>> = {
  URGENT: { firstResponse: { hours: 1 }, resolution: { hours: 4 } },
  HIGH: { firstResponse: { hours: 4 }, resolution: { businessDays: 1 } },
  NORMAL: { firstResponse: { hours: 8 }, resolution: { businessDays: 3 } },
  LOW: { firstResponse: { hours: 24 }, resolution: { businessDays: 5 } },
};

type Schedule = Pick<TenantSettings, "timeZone" | "workingHours">;

const MINUTE = 60_000;
/** A schedule always has a working day within a week; this bounds the walk for huge targets. */
const MAX_DAYS = 3660;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Offset of the zone from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local wall-clock time happens in the zone (the later one in a repeated hour). */
export function zonedTimeToInstant(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return second;
}

/** The local calendar date of `instant` in the zone, as y/m/d, and its ISO weekday (1 = Monday). */
export function localDate(instant: number, timeZone: string): { year: number; month: number; day: number; isoWeekday: number } {
  const p = localParts(instant, timeZone);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return { year: p.year, month: p.month, day: p.day, isoWeekday: weekday === 0 ? 7 : weekday };
}

function parseTime(hhmm: string): [number, number] {
  const [h, m] = hhmm.split(":").map(Number);
  return [h!, m!];
}

function workingDayMinutes(schedule: Schedule): number {
  const [sh, sm] = parseTime(schedule.workingHours.start);
  const [eh, em] = parseTime(schedule.workingHours.end);
  return eh * 60 + em - (sh * 60 + sm);
}

function targetMinutes(target: WorkingTime, schedule: Schedule): number {
  return "hours" in target ? target.hours * 60 : target.businessDays * workingDayMinutes(schedule);
}

/** The open and close instants of each working day from the local date of `from` on, in order. */
function* workingPeriods(from: number, schedule: Schedule): Generator<[open: number, close: number]> {
  const { timeZone, workingHours } = schedule;
  const [sh, sm] = parseTime(workingHours.start);
  const [eh, em] = parseTime(workingHours.end);
  let { year, month, day } = localDate(from, timeZone);
  for (let i = 0; i < MAX_DAYS; i++) {
    const date = new Date(Date.UTC(year, month - 1, day));
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    if (workingHours.days.includes(weekday)) {
      yield [zonedTimeToInstant(year, month, day, sh, sm, timeZone), zonedTimeToInstant(year, month, day, eh, em, timeZone)];
    }
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    year = next.getUTCFullYear();
    month = next.getUTCMonth() + 1;
    day = next.getUTCDate();
  }
}

/** `start` plus `ms` of working time: time outside working hours and days does not count. */
export function addWorkingMs(start: Date, ms: number, schedule: Schedule): Date {
  let remaining = ms;
  const cursor = start.getTime();
  for (const [open, close] of workingPeriods(cursor, schedule)) {
    if (cursor >= close) continue;
    const from = Math.max(cursor, open);
    if (from + remaining <= close) return new Date(from + remaining);
    remaining -= close - from;
  }
  throw new Error("addWorkingMinutes: the working-hours schedule has no working time");
}

/** `start` plus `minutes` of working time: time outside working hours and days does not count. */
export function addWorkingMinutes(start: Date, minutes: number, schedule: Schedule): Date {
  return addWorkingMs(start, Math.round(minutes * MINUTE), schedule);
}

/** The working time between two instants, in ms (0 when `end` is not after `start`). */
export function workingMsBetween(start: Date, end: Date, schedule: Schedule): number {
  const from = start.getTime();
  const to = end.getTime();
  if (to <= from) return 0;
  let total = 0;
  for (const [open, close] of workingPeriods(from, schedule)) {
    if (open >= to) break;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total;
}

/** The working minutes between two instants (fractional: ms precision), in the tenant's schedule. */
export function workingMinutesBetween(start: Date, end: Date, schedule: Schedule): number {
  return workingMsBetween(start, end, schedule) / MINUTE;
}

export interface SlaDue {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

/** Due times of a case created at `createdAt` with `priority`. */
export function computeSlaDue(createdAt: Date, priority: CasePriority, schedule: Schedule): SlaDue {
  const target = SLA_TARGETS[priority];
  return {
    firstResponseDueAt: addWorkingMinutes(createdAt, targetMinutes(target.firstResponse, schedule), schedule),
    resolutionDueAt: addWorkingMinutes(createdAt, targetMinutes(target.resolution, schedule), schedule),
  };
}

export type SlaClockState = "none" | "running" | "paused" | "breached" | "met" | "missed";

/**
 * One clock's state: running (due in the future), paused (the case waits on the customer or is
 * snoozed, and the clock was running when that began), breached (open and past due; a due time
 * already past when a pause began stays breached), met or missed (stopped, before or after its
 * due time), none (no target). While paused, the due time shown is the one before the pause: it
 * moves forward by the working time paused when the pause ends.
 */
export function slaClock(
  dueAt: Date | null,
  stoppedAt: Date | null,
  now: Date,
  pausedAt: Date | null = null,
): { dueAt: Date | null; state: SlaClockState } {
  if (!dueAt) return { dueAt, state: "none" };
  if (stoppedAt) return { dueAt, state: stoppedAt <= dueAt ? "met" : "missed" };
  if (pausedAt) return { dueAt, state: pausedAt > dueAt ? "breached" : "paused" };
  return { dueAt, state: now > dueAt ? "breached" : "running" };
}
