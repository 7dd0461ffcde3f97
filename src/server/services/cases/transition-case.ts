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
import { staleCaseConflict, updateCaseAtVersion } from "./versioned-update";

export type TransitionCaseInput = z.output<typeof transitionCaseSchema>;

/** Snoozing further ahead than this is parking a case, not snoozing it. */
const MAX_SNOOZE_MS = 366 * 86_400_000;

/** Why `from → to` may not happen (the machine, or a bad snooze time); null when it may. */
export function checkTransition(from: CaseStatus, to: CaseStatus, until: Date | undefined, now: Date): string | null {
  const refusal = transitionRefusal(from, to);
  if (refusal) return refusal;
  if (to === "SNOOZED") {
    if (!until || until.getTime() <= now.getTime()) return "Snooze until a time in the future";
    if (until.getTime() - now.getTime() > MAX_SNOOZE_MS) return "Snooze for at most a year";
  }
  return null;
}

/** The columns a transition sets besides status: the timestamps the SLA clocks and reports read. */
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

export async function transitionCase(db: TenantDb, caller: Caller, input: TransitionCaseInput): Promise<CaseDetail> {
  const current = await db.case.findFirst({ where: { id: input.id }, select: { status: true, version: true, createdAt: true, number: true } });
  if (!current) throw notFound("Case");
  if (input.version !== undefined && input.version !== current.version) throw await staleCaseConflict(db, input.id, caller);
  const now = new Date();
  const refusal = checkTransition(current.status, input.to, input.until, now);
  if (refusal) {
    throw new AppError("BAD_REQUEST", refusal, {
      reason: "TRANSITION_REFUSED",
      from: current.status,
      to: input.to,
      allowed: [...allowedTransitions(current.status)],
      ...(input.to === "SNOOZED" ? { fieldErrors: { until: [refusal] } } : {}),
    });
  }
  await updateCaseAtVersion(db, caller, input.id, current.version, transitionData(current.status, input.to, now, input.until));
  const resolutionMs = input.to === "RESOLVED" ? now.getTime() - current.createdAt.getTime() : undefined;
  await recordCaseEvents(db, [
    {
      caseId: input.id,
      type: "status_changed",
      from: current.status,
      to: { status: input.to, ...(input.until ? { until: input.until.toISOString() } : {}), ...(resolutionMs !== undefined ? { resolutionMs } : {}) },
      at: now,
    },
  ]);
  await recordAudit(db, { action: "case.status_changed", targetType: "case", targetId: input.id, diff: { from: current.status, to: input.to } });
  return loadCaseDetail(db, { id: input.id }, caller);
}
