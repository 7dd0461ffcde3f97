// The tenant middleware decides tenant, status and permission once per call. These tests cover
// what it refuses before a procedure runs: suspended tenants, missing slugs, outsiders, and roles
// without the declared permission.
import { describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, setTenantStatus } from "@/test/factories";
import { callProcedure, tenantProcedurePaths } from "@/test/procedures";
import { snapshotTenant, type TenantSnapshot } from "@/test/tenant-snapshot";

describe("suspended tenant", () => {
  it("refuses every call of its users and API keys with FORBIDDEN / TENANT_SUSPENDED, and changes nothing", async () => {
    const tenant = await createTestTenant("susp");
    await createTestCases(tenant, ["Before suspension"]);
    const key = await createTestApiKey(tenant, { role: "OWNER" });
    await setTenantStatus(tenant, "SUSPENDED");
    const before = await snapshotTenant(tenant.id);

    for (const role of ["OWNER", "VIEWER"] as const) {
      const caller = await callerFor(tenant.users[role], tenant.slug);
      await expectAppError(caller.cases.list({}), "FORBIDDEN", "TENANT_SUSPENDED");
      await expectAppError(caller.cases.get({ number: 1 }), "FORBIDDEN", "TENANT_SUSPENDED");
      await expectAppError(caller.cases.create({ title: "During suspension" }), "FORBIDDEN", "TENANT_SUSPENDED");
      await expectAppError(caller.tenant.current(), "FORBIDDEN", "TENANT_SUSPENDED");
    }
    const byKey = await apiKeyCaller(key);
    await expectAppError(byKey.cases.list({}), "FORBIDDEN", "TENANT_SUSPENDED");
    await expectAppError(byKey.cases.create({ title: "During suspension" }), "FORBIDDEN", "TENANT_SUSPENDED");
    // lastUsedAt aside (the key did authenticate), nothing of the tenant changed.
    const withoutKeyUse = (snap: TenantSnapshot) => ({
      ...snap,
      rows: { ...snap.rows, apiKey: snap.rows.apiKey!.map((k) => ({ ...k, lastUsedAt: null })) },
    });
    expect(withoutKeyUse(await snapshotTenant(tenant.id))).toEqual(withoutKeyUse(before));
  });

  it("covers every tenant procedure of the router", async () => {
    const tenant = await createTestTenant("susp-all");
    await setTenantStatus(tenant, "SUSPENDED");
    const caller = await callerFor(tenant.users.OWNER, tenant.slug);
    const paths = tenantProcedurePaths();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      // The status is checked before input is parsed, so no valid input is needed.
      await expectAppError(callProcedure(caller, path, undefined), "FORBIDDEN", "TENANT_SUSPENDED");
    }
  });

  it("still lists the tenant among the user's tenants, marked suspended, and works again once reactivated", async () => {
    const tenant = await createTestTenant("susp-back");
    await setTenantStatus(tenant, "SUSPENDED");
    const user = await callerFor(tenant.users.AGENT, tenant.slug);
    expect(await (await callerFor(tenant.users.AGENT)).tenant.mine()).toEqual([
      expect.objectContaining({ slug: tenant.slug, status: "SUSPENDED" }),
    ]);
    await setTenantStatus(tenant, "ACTIVE");
    await expect(user.cases.create({ title: "Back in business" })).resolves.toMatchObject({ number: 1 });
  });

  it("does not tell an outsider that a tenant is suspended", async () => {
    const tenant = await createTestTenant("susp-hidden");
    const outsider = await createTestTenant("outsider");
    await setTenantStatus(tenant, "SUSPENDED");
    await expectAppError((await callerFor(outsider.users.OWNER, tenant.slug)).cases.list({}), "NOT_FOUND");
  });

  it("leaves other tenants working", async () => {
    const [suspended, active] = await Promise.all([createTestTenant("susp-x"), createTestTenant("active")]);
    await setTenantStatus(suspended, "SUSPENDED");
    await expect((await callerFor(active.users.AGENT, active.slug)).cases.create({ title: "Unaffected" })).resolves.toMatchObject({
      number: 1,
    });
  });
});

describe("tenant resolution and permissions", () => {
  it("asks a signed-in user to name a tenant", async () => {
    const tenant = await createTestTenant();
    await expectAppError((await callerFor(tenant.users.OWNER)).cases.list({}), "BAD_REQUEST");
  });

  it("refuses anonymous callers before anything else", async () => {
    const tenant = await createTestTenant();
    await expectAppError((await callerFor(null, tenant.slug)).cases.list({}), "UNAUTHORIZED");
  });

  it("applies the role's permissions in the named tenant", async () => {
    const tenant = await createTestTenant();
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    const error = await expectAppError(viewer.cases.create({ title: "Viewers cannot write" }), "FORBIDDEN", "PERMISSION_DENIED");
    expect(error.details?.permission).toBe("cases:write");
    expect((await snapshotTenant(tenant.id)).rows.case).toEqual([]);
    await expect(viewer.tenant.current()).resolves.toMatchObject({ id: tenant.id, role: "VIEWER" });
  });
});
