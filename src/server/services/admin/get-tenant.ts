// One tenant for the admin console: its summary, owners (to know whom to contact), old addresses
// and pending invitations. Nothing of its cases or customers beyond counts.
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { notFound } from "@/server/errors/app-error";
import { adminTenantSelect, toSummary } from "./tenant-summary";

export async function getTenant(db: PrivilegedDb, id: string) {
  const row = await db.tenant.findUnique({ where: { id }, select: adminTenantSelect });
  if (!row) throw notFound("Tenant");
  // One after another: a transaction has one connection.
  const owners = await db.membership.findMany({
    where: { tenantId: id, role: "OWNER" },
    select: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const redirects = await db.tenantSlugRedirect.findMany({ where: { tenantId: id }, select: { slug: true }, orderBy: { createdAt: "desc" } });
  const pendingInvitations = await db.invitation.count({ where: { tenantId: id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } });
  return {
    ...toSummary(row),
    owners: owners.map((o) => o.user),
    oldSlugs: redirects.map((r) => r.slug),
    pendingInvitations,
  };
}
