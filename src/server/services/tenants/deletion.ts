// Deleting a tenant happens in two steps: an owner schedules it (members are refused from then
// on, see the tenant middleware), and once the grace period has passed the purge job removes
// everything (purge-tenant.ts). Until then an owner may cancel.
import { env } from "@/env";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { invalidateAuth } from "@/server/auth/auth-cache";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function scheduleTenantDeletion(
  db: TenantDb,
  tenant: { id: string; slug: string },
  confirmSlug: string,
  now = new Date(),
): Promise<{ deletionScheduledFor: Date }> {
  if (confirmSlug.trim().toLowerCase() !== tenant.slug) {
    throw new AppError("BAD_REQUEST", "Some fields are not valid", {
      fieldErrors: { confirmSlug: [`Type ${tenant.slug} to confirm`] },
    });
  }
  const deletionScheduledFor = new Date(now.getTime() + env.TENANT_DELETION_GRACE_DAYS * DAY_MS);
  await db.tenant.update({ where: { id: tenant.id }, data: { deletionScheduledFor }, select: { id: true } });
  invalidateAuth({ tenantId: tenant.id });
  await recordAudit(db, {
    action: "tenant.deletion_scheduled",
    targetType: "tenant",
    targetId: tenant.id,
    diff: { deletionScheduledFor: deletionScheduledFor.toISOString(), graceDays: env.TENANT_DELETION_GRACE_DAYS },
  });
  return { deletionScheduledFor };
}

/** Idempotent: cancelling a tenant that is not scheduled changes nothing and audits nothing. */
export async function cancelTenantDeletion(db: TenantDb, tenantId: string): Promise<{ deletionScheduledFor: null }> {
  const row = await db.tenant.findFirstOrThrow({ select: { deletionScheduledFor: true } });
  if (row.deletionScheduledFor) {
    await db.tenant.update({ where: { id: tenantId }, data: { deletionScheduledFor: null }, select: { id: true } });
    invalidateAuth({ tenantId });
    await recordAudit(db, {
      action: "tenant.deletion_cancelled",
      targetType: "tenant",
      targetId: tenantId,
      diff: { deletionScheduledFor: { from: row.deletionScheduledFor.toISOString(), to: null } },
    });
  }
  return { deletionScheduledFor: null };
}
