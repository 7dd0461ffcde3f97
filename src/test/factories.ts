// Builders for integration tests: real rows in the real database, created the privileged way
// (as sign-up and invitations will), and callers that go through the real middleware chain.
import { randomUUID } from "node:crypto";
import { createCaller } from "@/server/api/root";
import { createTRPCContext, TENANT_HEADER } from "@/server/api/context";
import { generateApiKey } from "@/server/auth/api-keys";
import type { SessionUser } from "@/server/auth/session-user";
import type { Role, TenantStatus } from "@/server/db/generated/enums";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { forgetCachedCredentials } from "@/server/auth/auth-cache";

export interface TestTenant {
  id: string;
  slug: string;
  users: Record<Role, SessionUser>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

export async function createTestTenant(label = "t"): Promise<TestTenant> {
  const slug = `${label}-${unique()}`.toLowerCase();
  return withPrivilegedDb("test fixture", async (db) => {
    const tenant = await db.tenant.create({
      data: { name: `Tenant ${slug}`, slug, settings: tenantSettingsSchema.parse({}) },
    });
    const users = {} as Record<Role, SessionUser>;
    for (const role of ["OWNER", "ADMIN", "AGENT", "VIEWER"] as const) {
      const user = await db.user.create({
        data: { email: `${role.toLowerCase()}-${slug}@example.test`, name: `${role} ${slug}`, passwordHash: "x" },
      });
      await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role } });
      users[role] = { id: user.id, email: user.email, name: user.name, platformRole: null };
    }
    return { id: tenant.id, slug, users };
  });
}

/** A caller acting as `user` in the tenant named by `tenantSlug` (as the URL would). */
export async function callerFor(user: SessionUser | null, tenantSlug?: string) {
  const headers = new Headers(tenantSlug ? { [TENANT_HEADER]: tenantSlug } : {});
  return createCaller(await createTRPCContext({ headers, user }));
}

export async function createTestApiKey(
  tenant: TestTenant,
  opts: { role?: Role; expiresAt?: Date; revokedAt?: Date } = {},
): Promise<string> {
  const { key, prefix, hash } = generateApiKey();
  await withPrivilegedDb("test fixture", (db) =>
    db.apiKey.create({
      data: { tenantId: tenant.id, name: "test", prefix, hash, role: opts.role ?? "AGENT", expiresAt: opts.expiresAt, revokedAt: opts.revokedAt },
    }),
  );
  return key;
}

export async function apiKeyCaller(key: string, tenantSlug?: string) {
  const headers = new Headers({ authorization: `Bearer ${key}`, ...(tenantSlug ? { [TENANT_HEADER]: tenantSlug } : {}) });
  return createCaller(await createTRPCContext({ headers }));
}

/** Cases created through the real procedure (numbers, audit rows and all), in order. */
export async function createTestCases(tenant: TestTenant, titles: string[]) {
  const owner = await callerFor(tenant.users.OWNER, tenant.slug);
  const created = [];
  for (const title of titles) created.push(await owner.cases.create({ title }));
  return created;
}

/** Suspension is a platform decision, so it goes the privileged way as the admin console will. */
export async function setTenantStatus(tenant: TestTenant, status: TenantStatus): Promise<void> {
  await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { status } }));
  // Changed directly, so not announced to the credential cache (the admin console's path is).
  forgetCachedCredentials();
}
