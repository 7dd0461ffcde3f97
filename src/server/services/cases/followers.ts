import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import type { Caller } from "./actor";
import type { CaseDetail } from "./case-select";
import { loadCaseDetail } from "./load-case";

/** Adds members as followers; already-following ones are left as they are. */
export async function addFollowers(db: TenantDb, caseId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const tenantId = requireTenantId();
  await db.caseFollower.createMany({ data: userIds.map((userId) => ({ tenantId, caseId, userId })), skipDuplicates: true });
}

async function resolveFollower(db: TenantDb, caller: Caller, caseId: string, userId: string | undefined): Promise<string> {
  const found = await db.case.findFirst({ where: { id: caseId }, select: { id: true } });
  if (!found) throw notFound("Case");
  const target = userId ?? caller.userId;
  if (!target) throw new AppError("BAD_REQUEST", "An API key follows no case itself: name the member (userId)");
  const member = await db.membership.findFirst({ where: { userId: target }, select: { id: true } });
  if (!member) throw notFound("Member");
  return target;
}

/** The caller (or the named member) follows the case: mentions and changes reach them. */
export async function followCase(db: TenantDb, caller: Caller, input: { id: string; userId?: string }): Promise<CaseDetail> {
  const userId = await resolveFollower(db, caller, input.id, input.userId);
  await addFollowers(db, input.id, [userId]);
  await recordAudit(db, { action: "case.followed", targetType: "case", targetId: input.id, diff: { userId } });
  return loadCaseDetail(db, { id: input.id }, caller);
}

export async function unfollowCase(db: TenantDb, caller: Caller, input: { id: string; userId?: string }): Promise<CaseDetail> {
  const userId = await resolveFollower(db, caller, input.id, input.userId);
  const { count } = await db.caseFollower.deleteMany({ where: { caseId: input.id, userId } });
  if (count > 0) await recordAudit(db, { action: "case.unfollowed", targetType: "case", targetId: input.id, diff: { userId } });
  return loadCaseDetail(db, { id: input.id }, caller);
}
