// Platform administration: refused (FORBIDDEN) to every tenant member, owners included, and to
// every API key; allowed to a platform admin, with each action audited in the affected tenant.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import type { SessionUser } from "@/server/auth/session-user";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant } from "@/test/factories";
import { callProcedure, platformAdminProcedurePaths } from "@/test/procedures";

async function createPlatformAdmin(): Promise<SessionUser> {
  const email = `platform-${randomUUID()}@example.test`;
  const user = await withPrivilegedDb("test fixture", (db) =>
    db.user.create({ data: { email, name: "Platform Admin", passwordHash: "x", platformRole: "admin" } }),
  );
  return { id: user.id, email, name: user.name, platformRole: "admin" };
}

const auditOf = (tenantId: string) =>
  withPrivilegedDb("test check", (db) => db.auditEvent.findMany({ where: { tenantId }, orderBy: { seq: "asc" } }));

describe("admin procedures", () => {
  it("are all refused to tenant members (even owners, even with a forged session role) and to API keys", async () => {
    const tenant = await createTestTenant("adm-refuse");
    const key = await createTestApiKey(tenant, { role: "OWNER" });
    const paths = platformAdminProcedurePaths();
    expect(paths.sort()).toEqual(["admin.tenants.create", "admin.tenants.get", "admin.tenants.list", "admin.tenants.reactivate", "admin.tenants.suspend"]);
    // The session says admin, the database does not: the database wins.
    const forged = { ...tenant.users.OWNER, platformRole: "admin" };
    const callers = [
      await callerFor(tenant.users.OWNER, tenant.slug),
      await callerFor(tenant.users.VIEWER),
      await callerFor(forged),
      await apiKeyCaller(key),
    ];
    for (const caller of callers) {
      for (const path of paths) await expectAppError(callProcedure(caller, path, { id: tenant.id, reason: "test" }), "FORBIDDEN", "NOT_PLATFORM_ADMIN");
    }
    await expectAppError(callProcedure(await callerFor(null), "admin.tenants.list", {}), "UNAUTHORIZED");
  });

  it("lists tenants with counts, search, status filter and cursor pages; gets one", async () => {
    const admin = await callerFor(await createPlatformAdmin());
    const tag = randomUUID().slice(0, 8);
    const t1 = await createTestTenant(`adm-${tag}-one`);
    const t2 = await createTestTenant(`adm-${tag}-two`);
    await createTestCases(t1, ["One", "Two"]);
    await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: t2.id }, data: { status: "SUSPENDED" } }));

    const all = await admin.admin.tenants.list({ search: tag });
    expect(all.items.map((t) => t.id)).toEqual([t2.id, t1.id]);
    expect(all.items[1]).toMatchObject({ memberCount: 4, caseCount: 2, status: "ACTIVE", deletionScheduledFor: null });
    expect((await admin.admin.tenants.list({ search: tag, status: "SUSPENDED" })).items.map((t) => t.id)).toEqual([t2.id]);
    const first = await admin.admin.tenants.list({ search: tag, limit: 1 });
    expect(first.items.map((t) => t.id)).toEqual([t2.id]);
    const second = await admin.admin.tenants.list({ search: tag, limit: 1, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ id: t1.id })], nextCursor: null });

    const detail = await admin.admin.tenants.get({ id: t1.id });
    expect(detail).toMatchObject({ id: t1.id, slug: t1.slug, memberCount: 4, caseCount: 2, owners: [expect.objectContaining({ id: t1.users.OWNER.id })] });
    await expectAppError(admin.admin.tenants.get({ id: randomUUID() }), "NOT_FOUND");
  });

  it("creates a tenant with an OWNER invitation (link shown without SMTP), refusing taken slugs", async () => {
    const platformUser = await createPlatformAdmin();
    const admin = await callerFor(platformUser);
    const slug = `made-${randomUUID().slice(0, 8)}`;
    const created = await admin.admin.tenants.create({ name: "Made By Admin", slug, ownerEmail: "First.Owner@Example.test" });
    expect(created).toMatchObject({ tenant: { name: "Made By Admin", slug }, delivered: false, url: expect.stringMatching(/\/invite\/[A-Za-z0-9_-]{43}$/) });
    const invitation = await withPrivilegedDb("test check", (db) => db.invitation.findUniqueOrThrow({ where: { id: created.invitationId } }));
    expect(invitation).toMatchObject({ tenantId: created.tenant.id, email: "first.owner@example.test", role: "OWNER", invitedById: null });
    const audit = await auditOf(created.tenant.id);
    expect(audit.map((e) => [e.action, e.actorType, e.actorId])).toEqual([
      ["tenant.created", "platformAdmin", platformUser.id],
      ["invitation.created", "platformAdmin", platformUser.id],
    ]);

    const taken = await expectAppError(admin.admin.tenants.create({ name: "Again", slug, ownerEmail: "x@example.test" }), "CONFLICT");
    expect(taken.details?.fieldErrors).toEqual({ slug: [expect.stringContaining("taken")] });
    // An old slug of another tenant is taken too.
    const renamed = await createTestTenant("adm-old");
    await (await callerFor(renamed.users.OWNER, renamed.slug)).tenant.update({ name: "Renamed", slug: `${renamed.slug}-new` });
    await expectAppError(admin.admin.tenants.create({ name: "Old slug", slug: renamed.slug, ownerEmail: "y@example.test" }), "CONFLICT");
    const invalid = await expectAppError(admin.admin.tenants.create({ name: "", slug: "Bad Slug", ownerEmail: "nope" }), "BAD_REQUEST");
    expect(Object.keys(invalid.details?.fieldErrors ?? {}).sort()).toEqual(["name", "ownerEmail", "slug"]);
  });

  it("suspend refuses the tenant's members and API keys at once; reactivate restores them; both audited with the reason", async () => {
    const platformUser = await createPlatformAdmin();
    const admin = await callerFor(platformUser);
    const tenant = await createTestTenant("adm-susp");
    const key = await createTestApiKey(tenant, { role: "AGENT" });
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expect(agent.cases.list({})).resolves.toMatchObject({ items: [] });

    await expect(admin.admin.tenants.suspend({ id: tenant.id, reason: "Unpaid invoices" })).resolves.toEqual({ id: tenant.id, status: "SUSPENDED" });
    await expectAppError(agent.cases.list({}), "FORBIDDEN", "TENANT_SUSPENDED");
    await expectAppError((await callerFor(tenant.users.OWNER, tenant.slug)).tenant.current(), "FORBIDDEN", "TENANT_SUSPENDED");
    await expectAppError((await apiKeyCaller(key)).cases.list({}), "FORBIDDEN", "TENANT_SUSPENDED");

    await admin.admin.tenants.reactivate({ id: tenant.id, reason: "Paid" });
    await expect(agent.cases.list({})).resolves.toMatchObject({ items: [] });
    await expect((await apiKeyCaller(key)).cases.list({})).resolves.toMatchObject({ items: [] });

    const audit = (await auditOf(tenant.id)).filter((e) => e.action.startsWith("tenant."));
    expect(audit.map((e) => ({ action: e.action, actorType: e.actorType, actorId: e.actorId, diff: e.diff }))).toEqual([
      { action: "tenant.suspended", actorType: "platformAdmin", actorId: platformUser.id, diff: { status: { from: "ACTIVE", to: "SUSPENDED" }, reason: "Unpaid invoices" } },
      { action: "tenant.reactivated", actorType: "platformAdmin", actorId: platformUser.id, diff: { status: { from: "SUSPENDED", to: "ACTIVE" }, reason: "Paid" } },
    ]);
    const noReason = await expectAppError(admin.admin.tenants.suspend({ id: tenant.id, reason: "" }), "BAD_REQUEST");
    expect(noReason.details?.fieldErrors).toHaveProperty("reason");
  });

  it("stops working the moment the platform role is revoked", async () => {
    const platformUser = await createPlatformAdmin();
    const admin = await callerFor(platformUser);
    await expect(admin.admin.tenants.list({})).resolves.toMatchObject({ items: expect.any(Array) });
    await withPrivilegedDb("test fixture", (db) => db.user.update({ where: { id: platformUser.id }, data: { platformRole: null } }));
    await expectAppError(admin.admin.tenants.list({}), "FORBIDDEN", "NOT_PLATFORM_ADMIN");
  });

  it("sign-up never grants a platform role, whatever the request carries", async () => {
    const email = `signup-${randomUUID()}@example.test`;
    const input = { name: "New Person", email, password: "long-enough-password", organisation: "New Org", platformRole: "admin" };
    await (await callerFor(null)).auth.signUp(input as unknown as Parameters<Awaited<ReturnType<typeof callerFor>>["auth"]["signUp"]>[0]);
    const user = await withPrivilegedDb("test check", (db) => db.user.findUniqueOrThrow({ where: { email }, select: { platformRole: true } }));
    expect(user.platformRole).toBeNull();
  });
});
