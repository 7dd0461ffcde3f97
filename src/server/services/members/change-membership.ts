import { recordAudit } from "@/server/audit";
import { ROLE_RANK } from "@/server/auth/permissions";
import type { Role } from "@/server/db/generated/enums";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { emitEvents } from "@/server/realtime/emit";
import { capKeysOfMember, revokeKeysOfMember } from "@/server/services/api-keys/manage-api-keys";
import { revokeInvitationsOf } from "@/server/services/invitations/manage-invitations";
import { assertAnotherOwnerRemains, assertCanManage } from "./member-rules";
import { invalidateAuth } from "@/server/auth/auth-cache";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";

/** A lower role takes effect at once for the member and, in the same transaction, for the API keys
 *  on their authority: none keeps a role above theirs (authentication caps it as well). */
export async function updateMemberRole(db: TenantDb, actorRole: Role, userId: string, role: Role) {
  const member = await db.membership.findFirst({ where: { userId }, select: { id: true, role: true } });
  if (!member) throw notFound("Member");
  assertCanManage(actorRole, member.role, role);
  if (member.role === "OWNER" && role !== "OWNER") await assertAnotherOwnerRemains(db, userId);
  if (member.role === role) return { userId, role };
  await db.membership.update({ where: tenantKey(member.id), data: { role } });
  // A key on their authority is capped by their role: cached principals of the tenant go.
  invalidateAuth({ tenantId: requireTenantId(), userId });
  // Their open streams decide their access again at once (src/server/realtime/stream.ts).
  emitEvents({ kind: "member.changed", entityId: userId, data: { role } });
  const apiKeysCapped = ROLE_RANK[role] < ROLE_RANK[member.role] ? await capKeysOfMember(db, userId, role) : 0;
  await recordAudit(db, {
    action: "member.role_changed",
    targetType: "user",
    targetId: userId,
    diff: { role: { from: member.role, to: role }, ...(apiKeysCapped ? { apiKeysCapped } : {}) },
  });
  return { userId, role };
}

/** Removing a member ends their access at once: membership is checked on every request, and
 *  in the same transaction every API key on their authority (including keys their keys made)
 *  and every invitation they sent that is still pending are revoked. */
export async function removeMember(db: TenantDb, actorRole: Role, userId: string) {
  const member = await db.membership.findFirst({ where: { userId }, select: { id: true, role: true } });
  if (!member) throw notFound("Member");
  assertCanManage(actorRole, member.role);
  if (member.role === "OWNER") await assertAnotherOwnerRemains(db, userId);
  await db.membership.delete({ where: tenantKey(member.id) });
  invalidateAuth({ tenantId: requireTenantId(), userId });
  // Ends their open streams, and those of the keys on their authority, at once.
  emitEvents({ kind: "member.changed", entityId: userId, data: { role: null } });
  const now = new Date();
  const apiKeysRevoked = await revokeKeysOfMember(db, userId, now);
  const invitationsRevoked = await revokeInvitationsOf(db, userId, now);
  await recordAudit(db, {
    action: "member.removed",
    targetType: "user",
    targetId: userId,
    diff: { role: member.role, apiKeysRevoked, invitationsRevoked },
  });
  return { userId, apiKeysRevoked, invitationsRevoked };
}
