// Deleting a tenant: owners schedule it with a typed confirmation; from then on every call of its
// members and keys is refused, except an owner's cancel. The purge (purge-tenant.test.ts) follows.
import { describe, expect, it } from "vitest";
import { env } from "@/env";
import type { ProcedureMeta } from "@/server/api/trpc";
import { appRouter } from "@/server/api/root";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, setTenantStatus } from "@/test/factories";
import { callProcedure, tenantProcedurePaths } from "@/test/procedures";

/** The exception, named here so that adding another one is a visible decision. */
const ALLOWED_WHILE_DELETION_SCHEDULED = ["tenant.cancelDeletion"];

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>;
const scheduleOf = (tenantId: string) =>
  withPrivilegedDb("test check", (db) => db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { deletionScheduledFor: true } })).then(
    (t) => t.deletionScheduledFor,
  );

describe("tenant deletion", () => {
  it("needs the slug typed out, owners only, and schedules the grace period with an audit event", async () => {
    const tenant = await createTestTenant("del");
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await expectAppError(admin.tenant.scheduleDeletion({ confirmSlug: tenant.slug }), "FORBIDDEN", "PERMISSION_DENIED");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const wrong = await expectAppError(owner.tenant.scheduleDeletion({ confirmSlug: "something-else" }), "BAD_REQUEST");
    expect(wrong.details?.fieldErrors).toEqual({ confirmSlug: [`Type ${tenant.slug} to confirm`] });
    expect(await scheduleOf(tenant.id)).toBeNull();

    const before = Date.now();
    const { deletionScheduledFor } = await owner.tenant.scheduleDeletion({ confirmSlug: tenant.slug });
    const grace = env.TENANT_DELETION_GRACE_DAYS * 86_400_000;
    expect(deletionScheduledFor.getTime()).toBeGreaterThanOrEqual(before + grace);
    expect(deletionScheduledFor.getTime()).toBeLessThanOrEqual(Date.now() + grace);
    expect(await scheduleOf(tenant.id)).toEqual(deletionScheduledFor);
    const audit = await withPrivilegedDb("test check", (db) => db.auditEvent.findFirstOrThrow({ where: { tenantId: tenant.id, action: "tenant.deletion_scheduled" } }));
    expect(audit).toMatchObject({ actorType: "user", actorId: tenant.users.OWNER.id });
  });

  it("refuses members and API keys with a clear FORBIDDEN, lets only a signed-in owner cancel", async () => {
    const tenant = await createTestTenant("del-refuse");
    const key = await createTestApiKey(tenant, { role: "OWNER" });
    await (await callerFor(tenant.users.OWNER, tenant.slug)).tenant.scheduleDeletion({ confirmSlug: tenant.slug });

    for (const role of ["OWNER", "ADMIN", "AGENT", "VIEWER"] as const) {
      const error = await expectAppError((await callerFor(tenant.users[role], tenant.slug)).cases.list({}), "FORBIDDEN", "TENANT_DELETION_SCHEDULED");
      expect(error.message).toMatch(new RegExp(`^Tenant ${tenant.slug} is scheduled for deletion on \\d{1,2} \\w+ \\d{4}\\.$`));
      expect(error.details).toMatchObject({ deletionScheduledFor: expect.any(String), canCancel: role === "OWNER" });
    }
    const byKey = await apiKeyCaller(key);
    await expectAppError(byKey.cases.list({}), "FORBIDDEN", "TENANT_DELETION_SCHEDULED");
    // Keys never cancel, even an owner-role key: that takes a person.
    await expectAppError(byKey.tenant.cancelDeletion(), "FORBIDDEN", "TENANT_DELETION_SCHEDULED");
    await expectAppError((await callerFor(tenant.users.ADMIN, tenant.slug)).tenant.cancelDeletion(), "FORBIDDEN", "TENANT_DELETION_SCHEDULED");
    expect(await scheduleOf(tenant.id)).not.toBeNull();

    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    await expect(owner.tenant.cancelDeletion()).resolves.toEqual({ deletionScheduledFor: null });
    expect(await scheduleOf(tenant.id)).toBeNull();
    await expect((await callerFor(tenant.users.VIEWER, tenant.slug)).cases.list({})).resolves.toMatchObject({ items: [] });
    // The key's next request (a new context, as over HTTP) is served again.
    await expect((await apiKeyCaller(key)).cases.list({})).resolves.toMatchObject({ items: [] });
    const actions = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findMany({ where: { tenantId: tenant.id, action: { startsWith: "tenant.deletion" } }, orderBy: { seq: "asc" }, select: { action: true } }),
    );
    expect(actions.map((a) => a.action)).toEqual(["tenant.deletion_scheduled", "tenant.deletion_cancelled"]);
  });

  it("refuses every tenant procedure while scheduled, except the declared exception", async () => {
    const tenant = await createTestTenant("del-all");
    await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { deletionScheduledFor: new Date(Date.now() + 86_400_000) } }));
    const declared = tenantProcedurePaths().filter((path) => procedures[path]!._def.meta?.allowWhileDeletionScheduled);
    expect(declared).toEqual(ALLOWED_WHILE_DELETION_SCHEDULED);
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    for (const path of tenantProcedurePaths()) {
      if (ALLOWED_WHILE_DELETION_SCHEDULED.includes(path)) continue;
      await expectAppError(callProcedure(owner, path, undefined), "FORBIDDEN", "TENANT_DELETION_SCHEDULED");
    }
  });

  it("a suspended tenant refuses even the cancel, and an outsider learns nothing", async () => {
    const tenant = await createTestTenant("del-susp");
    const outsider = await createTestTenant("del-outsider");
    await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { deletionScheduledFor: new Date(Date.now() + 86_400_000) } }));
    await expectAppError((await callerFor(outsider.users.OWNER, tenant.slug)).cases.list({}), "NOT_FOUND");
    await setTenantStatus(tenant, "SUSPENDED");
    await expectAppError((await callerFor(tenant.users.OWNER, tenant.slug)).tenant.cancelDeletion(), "FORBIDDEN", "TENANT_SUSPENDED");
  });
});
