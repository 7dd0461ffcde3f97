// SLA clocks pause while a case waits on the customer (PENDING) or is snoozed (SNOOZED).
//
// cases.sla_paused_at holds when the pause began. Entering a pause from a running status sets it
// (PENDING → SNOOZED keeps the original start). Leaving the pause moves each due time whose clock
// was still running forward by the working time paused (the tenant's schedule), then clears it:
//   - first response: only while no public reply stopped it (first_responded_at is null);
//   - a due time already past when the pause began stays where it is: a breach is not undone.
// Leaving to OPEN resumes the clocks with the time that was left. Leaving to RESOLVED (or CLOSED,
// by a merge) stops them; the due times move there too, so that the stopped clocks are judged
// met or missed on working time outside the pause, and the pause does not turn into a miss
// (or into an SLA breach counted by the alert rule) after the fact.
import { isPausedStatus } from "@/lib/case-status";
import type { CaseStatus } from "@/lib/validations/case";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { addWorkingMs, workingMsBetween } from "./sla";

type Schedule = Pick<TenantSettings, "timeZone" | "workingHours">;

/** The columns a pause reads. */
export interface SlaPauseRow {
  slaPausedAt: Date | null;
  firstRespondedAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

export const slaPauseSelect = { slaPausedAt: true, firstRespondedAt: true, firstResponseDueAt: true, resolutionDueAt: true } as const;

export interface SlaPauseChange {
  /** Columns to write with the status change (none when the pause is not entered or left). */
  data: { slaPausedAt?: Date | null; firstResponseDueAt?: Date; resolutionDueAt?: Date };
  /** What the status_changed event adds: slaPaused on entering a pause, slaPausedMs on leaving it. */
  event: { slaPaused?: true; slaPausedMs?: number };
}

/** A due time moved by `pausedMs` of working time, if its clock was running when the pause began. */
function shifted(dueAt: Date | null, pausedAt: Date, pausedMs: number, schedule: Schedule): Date | undefined {
  // A due time at or before the pause's start was already due: it stays, breached.
  if (!dueAt || dueAt <= pausedAt || pausedMs === 0) return undefined;
  return addWorkingMs(dueAt, pausedMs, schedule);
}

/**
 * What a status change `from → to` does to the SLA clocks at `now`. Needs the schedule only when
 * a pause ends (pass null otherwise; `needsSchedule` says when).
 */
export function slaPauseChange(from: CaseStatus, to: CaseStatus, now: Date, row: SlaPauseRow, schedule: Schedule | null): SlaPauseChange {
  const wasPaused = isPausedStatus(from);
  const paused = isPausedStatus(to);
  if (paused && !wasPaused) return { data: { slaPausedAt: now }, event: { slaPaused: true } };
  if (paused || !wasPaused) return { data: {}, event: {} };
  // Leaving a pause. A case that went PENDING before pauses existed has no start: nothing to move.
  if (!row.slaPausedAt) return { data: { slaPausedAt: null }, event: {} };
  if (!schedule) throw new Error("slaPauseChange: ending a pause needs the tenant's schedule");
  const pausedMs = workingMsBetween(row.slaPausedAt, now, schedule);
  const data: SlaPauseChange["data"] = { slaPausedAt: null };
  const firstResponseDueAt = row.firstRespondedAt ? undefined : shifted(row.firstResponseDueAt, row.slaPausedAt, pausedMs, schedule);
  const resolutionDueAt = shifted(row.resolutionDueAt, row.slaPausedAt, pausedMs, schedule);
  if (firstResponseDueAt) data.firstResponseDueAt = firstResponseDueAt;
  if (resolutionDueAt) data.resolutionDueAt = resolutionDueAt;
  return { data, event: { slaPausedMs: pausedMs } };
}

/** Whether `from → to` ends a pause, so slaPauseChange needs the tenant's schedule. */
export function needsSchedule(from: CaseStatus, to: CaseStatus): boolean {
  return isPausedStatus(from) && !isPausedStatus(to);
}
