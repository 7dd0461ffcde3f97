import type { z } from "zod";
import { allowedTransitions, transitionRefusal } from "@/lib/case-status";
import type { CaseStatus, transitionCaseSchema } from "@/lib/validations/case";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import type { Caller } from "./actor";
import { recordCaseEvents } from "./case-events";
import type { CaseDetail } from "./case-select";
import { loadCaseDetail } from "./load-case";
import { needsSchedule, slaPauseChange, slaPauseSelect, type SlaPauseRow } from "./sla-pause";
import { loadTenantSettings } from "./tenant-settings";
import { staleCaseConflict, updateCaseAtVersion } from "./versioned-update";

export type TransitionCaseInput = z.output<typeof transitionCaseSchema>;

/** Snoozing further ahead than this is parking a case, not snoozing it. */
const MAX_SNOOZE_MS = 366 * 86_400_000;

/** Why `from → to` may not happen (the machine, or a bad snooze time); null when it may. */
export function checkTransition(from: CaseStatus, to: CaseStatus, until: Date | undefined, now: Date): string | null {
  return transitionRefusal(from, to) ?? checkSnoozeTime(to, until, now);
}

/** A snooze needs a time ahead, not too far; null when `until` will do (or `to` is not SNOOZED). */
function checkSnoozeTime(to: CaseStatus, until: Date | undefined, now: Date): string | null {
  if (to !== "SNOOZED") return null;
  if (!until || until.getTime() <= now.getTime()) return "Snooze until a time in the future";
  if (until.getTime() - now.getTime() > MAX_SNOOZE_MS) return "Snooze for at most a year";
  return null;
}

/**
 * An undo (input.revert) takes back the case's last status change, and only that: its latest
 * status_changed event must have gone from `to` to the status the case has now (the version check
 * before this one already refused a case changed since). The status machine is not asked, since
 * the step back may be one it does not offer (RESOLVED → NEW). Returns the timestamps to restore:
 * the resolution or closing time the change set, or the resolution time a reopen cleared.
 */
async function checkRevert(
  db: TenantDb,
  caseId: string,
  status: CaseStatus,
  to: CaseStatus,
  resolvedAt: Date | null,
): Promise<{ restore: Prisma.CaseUncheckedUpdateManyInput }> {
  const changes = await db.caseEvent.findMany({
    where: { caseId, type: "status_changed" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { from: true, to: true, createdAt: true },
    take: 2,
  });
  const last = changes[0];
  const lastTo = last?.to && typeof last.to === "object" && !Array.isArray(last.to) ? (last.to as { status?: unknown }).status : undefined;
  if (!last || last.from !== to || lastTo !== status) {
    throw new AppError("CONFLICT", "Nothing to undo: the case's last status change was not this one", { reason: "NOT_THE_LAST_CHANGE" });
  }
  const restore: Prisma.CaseUncheckedUpdateManyInput = {};
  if (status === "RESOLVED" && to !== "CLOSED") restore.resolvedAt = null;
  // Undoing a close: resolved as before, not as of now.
  if (status === "CLOSED") Object.assign(restore, { closedAt: null, resolvedAt });
  // Undoing a reopen: resolved again as of the resolution the reopen cleared.
  if (status === "OPEN" && to === "RESOLVED" && changes[1]) restore.resolvedAt = changes[1].createdAt;
  return { restore };
}

/**
 * The columns a transition sets besides status: the timestamps the SLA clocks and reports read.
 * Not the SLA pause: a status change that may enter or leave PENDING/SNOOZED goes through
 * statusChange, which adds it.
 */
export function transitionData(from: CaseStatus, to: CaseStatus, now: Date, until?: Date): Prisma.CaseUncheckedUpdateManyInput {
  const data: Prisma.CaseUncheckedUpdateManyInput = { status: to };
  if (to === "SNOOZED") data.snoozedUntil = until;
  else if (from === "SNOOZED") data.snoozedUntil = null;
  if (to === "RESOLVED") data.resolvedAt = now;
  if (to === "CLOSED") data.closedAt = now;
  if (to === "OPEN" && from === "RESOLVED") {
    // Reopened: the resolution clock runs again.
    data.resolvedAt = null;
  }
  return data;
}

/**
 * A status change in full: the transition's columns, the SLA pause entered or left (due times
 * moved by the working time paused), and what the status_changed event records of it.
 * `schedule` is needed when a pause ends (needsSchedule).
 */
export function statusChange(
  from: CaseStatus,
  to: CaseStatus,
  now: Date,
  row: SlaPauseRow,
  schedule: Parameters<typeof slaPauseChange>[4],
  until?: Date,
): { data: Prisma.CaseUncheckedUpdateManyInput; event: { slaPaused?: true; slaPausedMs?: number } } {
  const pause = slaPauseChange(from, to, now, row, schedule);
  return { data: { ...transitionData(from, to, now, until), ...pause.data }, event: pause.event };
}

export async function transitionCase(db: TenantDb, caller: Caller, input: TransitionCaseInput): Promise<CaseDetail> {
  const current = await db.case.findFirst({
    where: { id: input.id },
    select: { status: true, version: true, createdAt: true, number: true, resolvedAt: true, ...slaPauseSelect },
  });
  if (!current) throw notFound("Case");
  if (input.version !== undefined && input.version !== current.version) throw await staleCaseConflict(db, input.id, caller);
  const now = new Date();
  const undo = input.revert ? await checkRevert(db, input.id, current.status, input.to, current.resolvedAt) : null;
  const refusal = undo ? checkSnoozeTime(input.to, input.until, now) : checkTransition(current.status, input.to, input.until, now);
  if (refusal) {
    throw new AppError("BAD_REQUEST", refusal, {
      reason: "TRANSITION_REFUSED",
      from: current.status,
      to: input.to,
      allowed: [...allowedTransitions(current.status)],
      ...(input.to === "SNOOZED" ? { fieldErrors: { until: [refusal] } } : {}),
    });
  }
  const schedule = needsSchedule(current.status, input.to) ? await loadTenantSettings(db) : null;
  const change = statusChange(current.status, input.to, now, current, schedule, input.until);
  // An undo puts back the timestamps the change it takes back had moved.
  if (undo) Object.assign(change.data, undo.restore);
  await updateCaseAtVersion(db, caller, input.id, current.version, change.data);
  // Wall-clock time from creation, as the case's resolutionMs (case-select.ts).
  const resolutionMs = input.to === "RESOLVED" ? now.getTime() - current.createdAt.getTime() : undefined;
  await recordCaseEvents(db, [
    {
      caseId: input.id,
      type: "status_changed",
      from: current.status,
      to: {
        status: input.to,
        ...(input.until ? { until: input.until.toISOString() } : {}),
        ...(resolutionMs !== undefined ? { resolutionMs } : {}),
        ...change.event,
        ...(undo ? { undo: true } : {}),
      },
      at: now,
    },
  ]);
  await recordAudit(db, {
    action: "case.status_changed",
    targetType: "case",
    targetId: input.id,
    diff: { from: current.status, to: input.to, ...(undo ? { undo: true } : {}) },
  });
  return loadCaseDetail(db, { id: input.id }, caller);
}
