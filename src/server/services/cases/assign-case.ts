import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import { createNotifications } from "@/server/services/notifications/notifications";
import { currentActor, type Caller } from "./actor";
import { recordCaseEvents } from "./case-events";
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
  input: { id: string; assigneeId: string | null; version?: number },
): Promise<CaseDetail> {
  const current = await db.case.findFirst({ where: { id: input.id }, select: { assigneeId: true, version: true, status: true } });
  if (!current) throw notFound("Case");
  if (input.version !== undefined && input.version !== current.version) throw await staleCaseConflict(db, input.id, caller);
  if (input.assigneeId) await requireAssignableMember(db, input.assigneeId);
  if (current.status === "CLOSED") throw new AppError("BAD_REQUEST", "A closed case cannot be reassigned");
  if (current.assigneeId !== input.assigneeId) {
    await updateCaseAtVersion(db, caller, input.id, current.version, { assigneeId: input.assigneeId });
    await recordCaseEvents(db, [{ caseId: input.id, type: "assignee_changed", from: current.assigneeId, to: input.assigneeId }]);
    await recordAudit(db, { action: "case.assigned", targetType: "case", targetId: input.id, diff: { from: current.assigneeId, to: input.assigneeId } });
    // Lands in the new assignee's inbox, unless they took it themselves.
    if (input.assigneeId && input.assigneeId !== caller.userId) {
      await createNotifications(db, [{ userId: input.assigneeId, type: "assigned", caseId: input.id, actorId: currentActor().id }]);
    }
  }
  return loadCaseDetail(db, { id: input.id }, caller);
}
