// Sign-up creates the user, a tenant they own and the membership in one privileged transaction.
import { randomBytes } from "node:crypto";
import type { SignUpInput } from "@/lib/validations/auth";
import { slugify } from "@/lib/slug";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { hashPassword } from "@/server/auth/password";
import { AppError } from "@/server/errors/app-error";
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";
import { recordAudit } from "@/server/audit";

export async function uniqueTenantSlug(db: PrivilegedDb, name: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base.slice(0, 40)}-${randomBytes(3).toString("hex")}`;
    // Free means no organisation uses it now and none redirects from it (a renamed one's old links).
    const [current, redirect] = await Promise.all([
      db.tenant.findUnique({ where: { slug }, select: { id: true } }),
      db.tenantSlugRedirect.findUnique({ where: { slug }, select: { tenantId: true } }),
    ]);
    if (!current && !redirect) return slug;
  }
  throw new AppError("CONFLICT", "Could not find a free address for this organisation; try another name");
}

export async function signUp(input: SignUpInput) {
  const passwordHash = await hashPassword(input.password);
  return withPrivilegedDb("sign up", async (db) => {
    const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) {
      throw new AppError("CONFLICT", "An account with this email already exists", {
        fieldErrors: { email: ["An account with this email already exists; sign in instead"] },
      });
    }
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true },
    });
    const tenant = await db.tenant.create({
      data: {
        name: input.organisation,
        slug: await uniqueTenantSlug(db, input.organisation),
        settings: tenantSettingsSchema.parse({}),
      },
      select: { id: true, slug: true },
    });
    await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "OWNER" } });
    await recordAudit(db, { tenantId: tenant.id, action: "tenant.created", targetType: "tenant", targetId: tenant.id, actor: { type: "user", id: user.id } });
    return { userId: user.id, tenantSlug: tenant.slug };
  });
}
