// A platform admin creates a tenant for someone else: the tenant, then an OWNER invitation for
// its first owner (mailed, or shown to the admin when no SMTP server is configured). The tenant
// has no member until the invitation is accepted.
import type { z } from "zod";
import type { adminCreateTenantSchema } from "@/lib/validations/admin";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { AppError } from "@/server/errors/app-error";
import { issueInvitation } from "@/server/services/invitations/issue-invitation";
import { platformAdminActor } from "./platform-actor";

export async function createTenant(
  db: PrivilegedDb,
  admin: { id: string; name: string },
  input: z.output<typeof adminCreateTenantSchema>,
  options: { baseUrl?: string } = {},
) {
  // Free means: no tenant has it now and no tenant's old address redirects from it.
  const tenantTaken = await db.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
  const redirectTaken = await db.tenantSlugRedirect.findUnique({ where: { slug: input.slug }, select: { slug: true } });
  if (tenantTaken || redirectTaken) {
    throw new AppError("CONFLICT", "This address is already taken", { fieldErrors: { slug: ["This address is already taken; choose another"] } });
  }
  const tenant = await db.tenant.create({
    data: { name: input.name, slug: input.slug, settings: tenantSettingsSchema.parse({}) },
    select: { id: true, name: true, slug: true },
  });
  const actor = platformAdminActor(admin.id);
  await recordAudit(db, { tenantId: tenant.id, actor, action: "tenant.created", targetType: "tenant", targetId: tenant.id, diff: { name: input.name, slug: input.slug } });
  // invitedById stays null: the platform admin is not a member of the tenant.
  const issued = await issueInvitation(db, {
    tenantId: tenant.id,
    email: input.ownerEmail,
    role: "OWNER",
    invitedById: null,
    inviterName: null,
    tenantName: tenant.name,
    baseUrl: options.baseUrl,
  });
  await recordAudit(db, {
    tenantId: tenant.id,
    actor,
    action: "invitation.created",
    targetType: "invitation",
    targetId: issued.invitation.id,
    diff: { role: "OWNER", delivered: issued.delivered },
  });
  return { tenant, invitationId: issued.invitation.id, delivered: issued.delivered, url: issued.delivered ? null : issued.url };
}
