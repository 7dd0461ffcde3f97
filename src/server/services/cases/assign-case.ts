import { recordAudit } from "@/server/audit";
import { requestCaseSummary } from "@/server/services/suggestions/summary-job";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import { createNotifications } from "@/server/services/notifications/notifications";
import { requireTeam } from "@/server/services/teams/team-select";
import { currentActor, type Caller } from "./actor";
import { recordCaseEvents, type CaseEventInput } from "./case-events";
import type { CaseDetail } from "./case-select";
import { loadCaseDetail } from "./load-case";
import { staleCaseConflict, updateCaseAtVersion } from "./versioned-update";

/**
 * Checks that `userId` may be assigned in this tenant. Someone who is not a member is NOT_FOUND,
 * exactly like a user who does not exist, so ids of other tenants' people reveal nothing.
 */
export async function requireAssignableMember(db: TenantDb, userId: string): Promise<void> {
  const membership = await db.membership.findFirst({ where: { userId }, select: { role: true } });
  if (!membership) throw notFound("Member");
  if (membership.role === "VIEWER") {
    throw new AppError("BAD_REQUEST", "Viewers cannot be assigned cases", { fieldErrors: { assigneeId: ["Viewers cannot be assigned cases"] } });
  }
}

export async function assignCase(
  db: TenantDb,
  caller: Caller,
  input: { id: string; assigneeId?: string | null; teamId?: string | null; version?: number },
): Promise<CaseDetail> {
  const current = await db.case.findFirst({
    where: { id: input.id },
    select: { assigneeId: true, version: true, status: true, team: { select: { id: true, name: true } } },
  });
  if (!current) throw notFound("Case");
  if (input.assigneeId === undefined && input.teamId === undefined) {
    throw new AppError("BAD_REQUEST", "Name an assignee, a team or both", { fieldErrors: { assigneeId: ["Name an assignee, a team or both"] } });
  }
  if (input.version !== undefined && input.version !== current.version) throw await staleCaseConflict(db, input.id, caller);
  if (input.assigneeId) await requireAssignableMember(db, input.assigneeId);
  // A member assigned into a team need not be in it: the team is where the case belongs.
  const team = input.teamId ? await requireTeam(db, input.teamId) : (input.teamId as null | undefined);
  if (current.status === "CLOSED") throw new AppError("BAD_REQUEST", "A closed case cannot be reassigned");

  const assigneeChanged = input.assigneeId !== undefined && current.assigneeId !== input.assigneeId;
  const teamChanged = team !== undefined && (current.team?.id ?? null) !== (team?.id ?? null);
  if (!assigneeChanged && !teamChanged) return loadCaseDetail(db, { id: input.id }, caller);

  await updateCaseAtVersion(db, caller, input.id, current.version, {
    ...(assigneeChanged ? { assigneeId: input.assigneeId } : {}),
    ...(teamChanged ? { teamId: team?.id ?? null } : {}),
  });
  const events: CaseEventInput[] = [];
  if (assigneeChanged) events.push({ caseId: input.id, type: "assignee_changed", from: current.assigneeId, to: input.assigneeId });
  // Names travel with the ids: the timeline still reads right after a team is renamed or deleted.
  if (teamChanged) events.push({ caseId: input.id, type: "team_changed", from: current.team, to: team ? { id: team.id, name: team.name } : null });
  await recordCaseEvents(db, events);
  if (assigneeChanged) {
    await recordAudit(db, { action: "case.assigned", targetType: "case", targetId: input.id, diff: { from: current.assigneeId, to: input.assigneeId } });
  }
  if (teamChanged) {
    await recordAudit(db, { action: "case.team_changed", targetType: "case", targetId: input.id, diff: { from: current.team?.id ?? null, to: team?.id ?? null } });
  }
  const assigneeId = input.assigneeId === undefined ? current.assigneeId : input.assigneeId;
  const actorId = currentActor().id;
  // Handover: whoever takes a long case gets its summary fresh.
  if (assigneeChanged && assigneeId) await requestCaseSummary(db, input.id, { now: true });
  // Lands in the new assignee's inbox, unless they took it themselves.
  if (assigneeChanged && assigneeId && assigneeId !== caller.userId) {
    await createNotifications(db, [{ userId: assigneeId, type: "assigned", caseId: input.id, actorId }]);
  }
  // A case given to a team and nobody in it is the team's to pick up: each of them hears of it.
  if (teamChanged && team && !assigneeId) {
    const members = await db.teamMember.findMany({ where: { teamId: team.id, userId: caller.userId ? { not: caller.userId } : undefined }, select: { userId: true } });
    await createNotifications(db, members.map((m) => ({ userId: m.userId, type: "assigned", caseId: input.id, actorId })));
  }
  return loadCaseDetail(db, { id: input.id }, caller);
}
