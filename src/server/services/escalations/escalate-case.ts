// Escalating a case to one of the tenant's levels, optionally handing it to a team, a business
// unit and a priority, with a reason; and taking the escalation back. Both write at the version
// the member read, like every case edit, and leave a timeline event and an audit row.
// De-escalating clears the level but keeps escalatedAt (when it was last escalated): the
// escalation rules only take cases that were never escalated, so a case a person de-escalated
// is not escalated again by a rule a minute later.
import type { z } from "zod";
import type { deescalateCaseSchema, escalateCaseSchema } from "@/lib/validations/escalation";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound, type FieldErrors } from "@/server/errors/app-error";
import type { Caller } from "@/server/services/cases/actor";
import { recordCaseEvents, type CaseEventInput } from "@/server/services/cases/case-events";
import type { CaseDetail } from "@/server/services/cases/case-select";
import { loadCaseDetail } from "@/server/services/cases/load-case";
import { computeSlaDue } from "@/server/services/cases/sla";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { staleCaseConflict, updateCaseAtVersion } from "@/server/services/cases/versioned-update";
import { notifyEscalation } from "./notify-escalation";

/** The level must be one of the tenant's; the business unit too, when the tenant lists any (as for case edits). */
export function escalationFieldErrors(settings: TenantSettings, values: { level?: string; businessUnit?: string | null }): FieldErrors {
  const fieldErrors: FieldErrors = {};
  if (values.level !== undefined && !settings.escalationLevels.includes(values.level)) {
    fieldErrors.level = [`Choose one of: ${settings.escalationLevels.join(", ")}`];
  }
  if (values.businessUnit && settings.businessUnits.length > 0 && !settings.businessUnits.includes(values.businessUnit)) {
    fieldErrors.businessUnit = [`Choose one of: ${settings.businessUnits.join(", ")}`];
  }
  return fieldErrors;
}

/** A team of this tenant; another tenant's is NOT_FOUND like one that does not exist. */
export async function requireTeam(db: TenantDb, teamId: string): Promise<{ id: string; name: string }> {
  const team = await db.team.findFirst({ where: { id: teamId }, select: { id: true, name: true } });
  if (!team) throw notFound("Team");
  return team;
}

export async function escalateCase(db: TenantDb, caller: Caller, input: z.output<typeof escalateCaseSchema>): Promise<CaseDetail> {
  const current = await db.case.findFirst({
    where: { id: input.id },
    select: { version: true, status: true, priority: true, createdAt: true, escalationLevel: true },
  });
  if (!current) throw notFound("Case");
  if (input.version !== undefined && input.version !== current.version) throw await staleCaseConflict(db, input.id, caller);
  const team = input.teamId ? await requireTeam(db, input.teamId) : null;
  if (current.status === "CLOSED") throw new AppError("BAD_REQUEST", "A closed case cannot be escalated");
  const settings = await loadTenantSettings(db);
  const fieldErrors = escalationFieldErrors(settings, input);
  if (Object.keys(fieldErrors).length > 0) throw new AppError("BAD_REQUEST", "Some fields are not valid", { fieldErrors });

  const now = new Date();
  const data: Prisma.CaseUncheckedUpdateManyInput = { escalationLevel: input.level, escalatedAt: now };
  if (team) data.teamId = team.id;
  if (input.businessUnit) data.businessUnit = input.businessUnit;
  const events: CaseEventInput[] = [
    {
      caseId: input.id,
      type: "escalated",
      from: { level: current.escalationLevel },
      to: { level: input.level, reason: input.reason, team, businessUnit: input.businessUnit ?? null, priority: input.priority ?? null },
      at: now,
    },
  ];
  if (input.priority && input.priority !== current.priority) {
    data.priority = input.priority;
    // Targets follow the priority, counted from when the case came in (as for an edit).
    Object.assign(data, computeSlaDue(current.createdAt, input.priority, settings));
    events.push({ caseId: input.id, type: "priority_changed", from: current.priority, to: input.priority, at: now });
  }
  await updateCaseAtVersion(db, caller, input.id, current.version, data);
  await recordCaseEvents(db, events);
  await recordAudit(db, {
    action: "case.escalated",
    targetType: "case",
    targetId: input.id,
    diff: { from: current.escalationLevel, to: input.level, teamId: team?.id ?? null, businessUnit: input.businessUnit ?? null, priority: input.priority ?? null },
  });
  // Escalating without a team goes above the team the case is with: the admins hear of it.
  await notifyEscalation(db, { caseId: input.id, teamId: team?.id ?? null, reason: input.reason });
  return loadCaseDetail(db, { id: input.id }, caller);
}

export async function deescalateCase(db: TenantDb, caller: Caller, input: z.output<typeof deescalateCaseSchema>): Promise<CaseDetail> {
  const current = await db.case.findFirst({ where: { id: input.id }, select: { version: true, escalationLevel: true } });
  if (!current) throw notFound("Case");
  if (input.version !== undefined && input.version !== current.version) throw await staleCaseConflict(db, input.id, caller);
  if (current.escalationLevel === null) throw new AppError("BAD_REQUEST", "The case is not escalated");
  await updateCaseAtVersion(db, caller, input.id, current.version, { escalationLevel: null });
  const reason = input.reason || null;
  await recordCaseEvents(db, [{ caseId: input.id, type: "deescalated", from: { level: current.escalationLevel }, to: { reason } }]);
  await recordAudit(db, { action: "case.deescalated", targetType: "case", targetId: input.id, diff: { from: current.escalationLevel } });
  return loadCaseDetail(db, { id: input.id }, caller);
}
