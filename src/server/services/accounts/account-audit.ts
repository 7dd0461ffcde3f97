// Account events (sign-ins, password changes) belong to a user, not a tenant; each tenant the user
// belongs to gets its own audit row, so every tenant's admins see what happened to their members.
import { recordAudit } from "@/server/audit";
import type { PrivilegedDb } from "@/server/db/privileged-db";

export async function auditInEveryTenant(
  db: PrivilegedDb,
  userId: string,
  action: string,
  diff?: Record<string, unknown>,
): Promise<number> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { tenantId: true } });
  for (const { tenantId } of memberships) {
    await recordAudit(db, { tenantId, actor: { type: "user", id: userId }, action, targetType: "user", targetId: userId, diff });
  }
  return memberships.length;
}
