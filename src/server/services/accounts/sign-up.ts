// Sign-up creates the user, a tenant they own and the membership in one privileged transaction.
// It never says whether an address already has an account (see signUp).
import { randomBytes } from "node:crypto";
import type { SignUpInput } from "@/lib/validations/auth";
import { slugify } from "@/lib/slug";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { hashPassword, waitLikeAPasswordHash } from "@/server/auth/password";
import { AppError } from "@/server/errors/app-error";
import { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";
import { recordAudit } from "@/server/audit";
import { mailExistingAccountNotice } from "./existing-account-notice";

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

export type SignUpOutcome = { created: true; userId: string; tenantSlug: string } | { created: false };

const emailTaken = (db: PrivilegedDb, email: string) => db.user.findUnique({ where: { email }, select: { id: true } }).then(Boolean);

/** The address already has an account: nothing changes, its owner is told, and the answer takes as long. */
async function declineExisting(email: string, origin?: string): Promise<SignUpOutcome> {
  void mailExistingAccountNotice(email, { origin });
  await waitLikeAPasswordHash();
  return { created: false };
}

/**
 * Creates the account unless the address has one; the caller answers the same either way (see
 * the procedure). The address is checked before the deliberately slow password hash, and the hash
 * is computed outside the transaction (which on the embedded database would hold every query).
 */
export async function signUp(input: SignUpInput, opts: { origin?: string } = {}): Promise<SignUpOutcome> {
  if (await withPrivilegedDb("sign up: is the address free", (db) => emailTaken(db, input.email))) {
    return declineExisting(input.email, opts.origin);
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await withPrivilegedDb("sign up", async (db) => {
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
      return { created: true as const, userId: user.id, tenantSlug: tenant.slug };
    });
  } catch (error) {
    // Two sign-ups of one new address at once: the loser sees the winner's account like any other.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      if (await withPrivilegedDb("sign up: lost a race", (db) => emailTaken(db, input.email))) return declineExisting(input.email, opts.origin);
    }
    throw error;
  }
}
