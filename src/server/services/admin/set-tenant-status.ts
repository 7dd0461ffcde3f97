// Suspending stops every member and API key of the tenant at once (the tenant middleware refuses
// them); reactivating lets them back. The reason is kept in the tenant's own audit trail.
import { z } from "zod";
import { recordAudit } from "@/server/audit";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { notFound } from "@/server/errors/app-error";
import { platformAdminActor } from "./platform-actor";
import { invalidateAuth } from "@/server/auth/auth-cache";

export const tenantStatusOutput = z.object({ id: z.string(), status: z.enum(["ACTIVE", "SUSPENDED"]) });

export async function setTenantStatus(db: PrivilegedDb, adminId: string, input: { id: string; reason: string }, status: "ACTIVE" | "SUSPENDED") {
  const current = await db.tenant.findUnique({ where: { id: input.id }, select: { status: true } });
  if (!current) throw notFound("Tenant");
  if (current.status !== status) {
    await db.tenant.update({ where: { id: input.id }, data: { status }, select: { id: true } });
    invalidateAuth({ tenantId: input.id });
  }
  await recordAudit(db, {
    tenantId: input.id,
    actor: platformAdminActor(adminId),
    action: status === "SUSPENDED" ? "tenant.suspended" : "tenant.reactivated",
    targetType: "tenant",
    targetId: input.id,
    diff: { status: { from: current.status, to: status }, reason: input.reason },
  });
  return { id: input.id, status };
}
