import { recordAudit } from "@/server/audit";
import type { Role } from "@/server/db/generated/enums";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { assertAnotherOwnerRemains, assertCanManage } from "./member-rules";

export async function updateMemberRole(db: TenantDb, actorRole: Role, userId: string, role: Role) {
  const member = await db.membership.findFirst({ where: { userId }, select: { id: true, role: true } });
  if (!member) throw notFound("Member");
  assertCanManage(actorRole, member.role, role);
  if (member.role === "OWNER" && role !== "OWNER") await assertAnotherOwnerRemains(db, userId);
  if (member.role === role) return { userId, role };
  await db.membership.update({ where: { id: member.id }, data: { role } });
  await recordAudit(db, { action: "member.role_changed", targetType: "user", targetId: userId, diff: { role: { from: member.role, to: role } } });
  return { userId, role };
}

/** Removing a member ends their access at once: membership is checked on every request, and
 *  the API keys they created for this tenant are revoked in the same transaction. */
export async function removeMember(db: TenantDb, actorRole: Role, userId: string) {
  const member = await db.membership.findFirst({ where: { userId }, select: { id: true, role: true } });
  if (!member) throw notFound("Member");
  assertCanManage(actorRole, member.role);
  if (member.role === "OWNER") await assertAnotherOwnerRemains(db, userId);
  await db.membership.delete({ where: { id: member.id } });
  const revoked = await db.apiKey.updateMany({ where: { createdById: userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAudit(db, {
    action: "member.removed",
    targetType: "user",
    targetId: userId,
    diff: { role: member.role, apiKeysRevoked: revoked.count },
  });
  return { userId, apiKeysRevoked: revoked.count };
}
