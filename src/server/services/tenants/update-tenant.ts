// Renames a tenant: its name and its address (slug). A new address leaves a redirect from the old
// one, so bookmarks and shared links keep working; going back to an old address of one's own
// removes that redirect. An address is free only if no tenant uses it now and no other tenant's
// redirect holds it.
import type { UpdateTenantValues } from "@/lib/validations/tenant-settings";
import { recordAudit } from "@/server/audit";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import { invalidateAuth } from "@/server/auth/auth-cache";

const SLUG_TAKEN = () =>
  new AppError("CONFLICT", "This address is already taken", { fieldErrors: { slug: ["This address is already taken; choose another"] } });

export interface UpdatedTenant {
  id: string;
  name: string;
  slug: string;
}

/**
 * Row-level security hides other tenants' redirects, but not the primary key: an insert that
 * skips on conflict tells whether the slug is held by anyone's redirect without saying whose.
 * The probe row is removed again at once (same transaction).
 */
async function slugHeldByAnotherRedirect(db: TenantDb, tenantId: string, slug: string): Promise<boolean> {
  const { count } = await db.tenantSlugRedirect.createMany({ data: [{ slug, tenantId }], skipDuplicates: true });
  if (count === 0) return true;
  await db.tenantSlugRedirect.delete({ where: { slug } });
  return false;
}

export async function updateTenant(db: TenantDb, tenantId: string, input: UpdateTenantValues): Promise<UpdatedTenant> {
  const current = await db.tenant.findFirstOrThrow({ select: { id: true, name: true, slug: true } });
  const diff: Record<string, { from: string; to: string }> = {};
  if (input.name !== current.name) diff.name = { from: current.name, to: input.name };
  if (input.slug !== current.slug) {
    diff.slug = { from: current.slug, to: input.slug };
    // Back to an old address of ours: that redirect is no longer needed (and would shadow the slug).
    await db.tenantSlugRedirect.deleteMany({ where: { slug: input.slug } });
    if (await slugHeldByAnotherRedirect(db, tenantId, input.slug)) throw SLUG_TAKEN();
  }
  if (Object.keys(diff).length === 0) return current;

  let updated: UpdatedTenant;
  try {
    updated = await db.tenant.update({
      where: { id: tenantId },
      data: { name: input.name, slug: input.slug },
      select: { id: true, name: true, slug: true },
    });
  } catch (error) {
    // Another tenant's current slug (the unique index answers for rows RLS does not show).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw SLUG_TAKEN();
    throw error;
  }
  if (diff.slug) await db.tenantSlugRedirect.create({ data: { slug: current.slug, tenantId } });
  // Keys carry the tenant's name and address.
  invalidateAuth({ tenantId });
  await recordAudit(db, { action: "tenant.updated", targetType: "tenant", targetId: tenantId, diff });
  return updated;
}
