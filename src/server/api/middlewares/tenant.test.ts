// The tenant middleware decides tenant, status and permission once per call. These tests cover
// what it refuses before a procedure runs (suspended tenants, tenants scheduled for deletion,
// missing slugs, outsiders, roles without the declared permission) and what it hands the
// procedure it lets through (tenant, role, permissions, a transaction that commits only on success).
import { describe, expect, it } from "vitest";
import { initTRPC } from "@trpc/server";
import { createTRPCContext, TENANT_HEADER, type TRPCContext } from "@/server/api/context";
import { createCallerFactory, createTRPCRouter, tenantProcedure, type ProcedureMeta, type TRPCInstance } from "@/server/api/trpc";
import type { SessionUser } from "@/server/auth/session-user";
import { currentContext } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { currentTenantId } from "@/server/db/tenant-scope";
import { AppError } from "@/server/errors/app-error";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, setTenantStatus } from "@/test/factories";
import { callProcedure, tenantProcedurePaths } from "@/test/procedures";
import { snapshotTenant, type TenantSnapshot } from "@/test/tenant-snapshot";
import { authenticateApiKey } from "@/server/auth/api-keys";
import { permissionsFor } from "@/server/auth/permissions";
import { recheckTenantAccess, tenantMiddleware } from "./tenant";

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

// A small router of probe procedures built with the real tenantProcedure: it shows what the
// middleware hands a procedure, and covers the cases no procedure of the app router exercises.
const probeRouter = createTRPCRouter({
  undeclared: tenantProcedure("cases:read")
    .meta({ permission: undefined })
    .query(() => "ran"),
  probe: tenantProcedure("cases:read").query(async ({ ctx }) => {
    const context = currentContext();
    return {
      tenant: ctx.tenant,
      role: ctx.role,
      permissions: [...ctx.permissions].sort(),
      context: { tenant: context?.tenant, role: context?.role, permissions: [...(context?.permissions ?? [])].sort() },
      transactionTenant: currentTenantId(),
      visibleTenants: (await ctx.db.tenant.findMany({ select: { id: true } })).map((t) => t.id),
    };
  }),
  failAfterWrite: tenantProcedure("cases:write").mutation(async ({ ctx }) => {
    await ctx.db.case.create({ data: { title: "written by a failing procedure" } as never });
    throw new AppError("CONFLICT", "failed after writing");
  }),
  readWhileScheduled: tenantProcedure("cases:read")
    .meta({ allowWhileDeletionScheduled: true })
    .query(() => "ran"),
  deleteWhileScheduled: tenantProcedure("tenant:delete")
    .meta({ allowWhileDeletionScheduled: true })
    .query(() => "ran"),
});
const createProbeCaller = createCallerFactory(probeRouter);

async function probeAs(user: SessionUser | null, slug?: string) {
  return createProbeCaller(await createTRPCContext({ headers: new Headers(slug ? { [TENANT_HEADER]: slug } : {}), user }));
}
async function probeByKey(key: string, slug?: string) {
  const headers = new Headers({ authorization: `Bearer ${key}`, ...(slug ? { [TENANT_HEADER]: slug } : {}) });
  return createProbeCaller(await createTRPCContext({ headers }));
}

const PERMISSIONS_OF = {
  AGENT: ["alerts:manage", "alerts:read", "cases:read", "cases:write", "customers:read", "customers:write", "exports:create", "feed:read", "members:read", "pii:read", "tenant:read"],
} as const;

describe("what the middleware hands a procedure", () => {
  it("refuses a procedure that declares no permission", async () => {
    const tenant = await createTestTenant("undeclared");
    const error = await expectAppError((await probeAs(tenant.users.OWNER, tenant.slug)).undeclared(), "FORBIDDEN");
    expect(error.message).toBe("This operation declares no permission");
  });

  it("the tenant, role and permissions, in the context, the request context and the transaction alike", async () => {
    const tenant = await createTestTenant("probe");
    const seen = await (await probeAs(tenant.users.AGENT, tenant.slug)).probe();
    const name = `Tenant ${tenant.slug}`;
    expect(seen).toEqual({
      tenant: { id: tenant.id, slug: tenant.slug, name },
      role: "AGENT",
      permissions: PERMISSIONS_OF.AGENT,
      context: { tenant: { id: tenant.id, slug: tenant.slug }, role: "AGENT", permissions: PERMISSIONS_OF.AGENT },
      transactionTenant: tenant.id,
      visibleTenants: [tenant.id],
    });
    // An API key: the tenant and role it is bound to, with or without the slug named.
    const key = await createTestApiKey(tenant, { role: "AGENT" });
    for (const slug of [undefined, tenant.slug]) {
      expect(await (await probeByKey(key, slug)).probe()).toEqual(seen);
    }
    const otherSlug = await expectAppError((await probeByKey(key, "another-slug")).probe(), "NOT_FOUND");
    expect(otherSlug.message).toBe("Tenant not found");
  });

  it("rolls back what a failing procedure wrote and reports its own error", async () => {
    const tenant = await createTestTenant("rollback");
    const before = await snapshotTenant(tenant.id);
    const error = await expectAppError((await probeAs(tenant.users.AGENT, tenant.slug)).failAfterWrite(), "CONFLICT");
    expect(error.message).toBe("failed after writing");
    expect(await snapshotTenant(tenant.id)).toEqual(before);
    // A procedure that succeeds commits.
    await (await callerFor(tenant.users.AGENT, tenant.slug)).cases.create({ title: "Committed" });
    expect((await snapshotTenant(tenant.id)).rows.case!.map((c) => c.title)).toEqual(["Committed"]);
  });

  it("passes on a failure of the tenant transaction itself", async () => {
    const tenant = await createTestTenant("nested");
    const key = await createTestApiKey(tenant, { role: "AGENT" });
    const caller = await probeByKey(key);
    // Inside another tenant transaction, the middleware's own withTenantDb refuses to nest.
    await expect(withTenantDb(tenant.id, () => caller.probe())).rejects.toThrow(/withTenantDb cannot be nested/);
    // A signed-in user's membership lookup is privileged, so it is refused there already, saying why it was needed.
    const user = await probeAs(tenant.users.AGENT, tenant.slug);
    await expect(withTenantDb(tenant.id, () => user.probe())).rejects.toThrow(
      'withPrivilegedDb("resolve tenant membership") called inside a tenant transaction',
    );
  });

  it("refuses a procedure built without any meta", async () => {
    // Outside the app's builders (tenantProcedure always sets meta), e.g. a tRPC instance of its own.
    const own = initTRPC.context<TRPCContext & { principal: null }>().meta<ProcedureMeta>().create();
    const router = own.router({ bare: own.procedure.use(tenantMiddleware(own as unknown as TRPCInstance)).query(() => "ran") });
    const tenant = await createTestTenant("bare");
    const ctx = await createTRPCContext({ headers: new Headers({ [TENANT_HEADER]: tenant.slug }), user: tenant.users.OWNER });
    const error = await expectAppError(own.createCallerFactory(router)({ ...ctx, principal: null }).bare(), "FORBIDDEN");
    expect(error.message).toBe("This operation declares no permission");
  });
});

describe("refusals say why", () => {
  it("names the missing tenant, the suspension, and the role that lacks the permission", async () => {
    const tenant = await createTestTenant("messages");
    const noSlug = await expectAppError((await probeAs(tenant.users.OWNER)).probe(), "BAD_REQUEST");
    expect(noSlug.message).toBe("No tenant named: open the tenant's URL or send x-caseboard-tenant");
    const unknown = await expectAppError((await probeAs(tenant.users.OWNER, "no-such-tenant-here")).probe(), "NOT_FOUND");
    expect(unknown.message).toBe("Tenant not found");
    const denied = await expectAppError((await callerFor(tenant.users.VIEWER, tenant.slug)).cases.create({ title: "x" }), "FORBIDDEN", "PERMISSION_DENIED");
    expect({ message: denied.message, details: denied.details }).toEqual({
      message: "Your role (VIEWER) does not allow this",
      details: { reason: "PERMISSION_DENIED", permission: "cases:write" },
    });
    await setTenantStatus(tenant, "SUSPENDED");
    const suspended = await expectAppError((await probeAs(tenant.users.OWNER, tenant.slug)).probe(), "FORBIDDEN", "TENANT_SUSPENDED");
    expect({ message: suspended.message, details: suspended.details }).toEqual({
      message: "This organisation is suspended. Contact your administrator.",
      details: { reason: "TENANT_SUSPENDED" },
    });
  });
});

describe("tenant scheduled for deletion", () => {
  // Late in the day (UTC): the date in the message is the UTC one.
  const at = new Date("2031-03-01T23:30:00.000Z");

  it("refuses with the date, and lets through only signed-in members holding the permission of a declared exception", async () => {
    const tenant = await createTestTenant("sched");
    const key = await createTestApiKey(tenant, { role: "OWNER" });
    await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { deletionScheduledFor: at } }));
    const [owner, viewer, byKey] = [await probeAs(tenant.users.OWNER, tenant.slug), await probeAs(tenant.users.VIEWER, tenant.slug), await probeByKey(key)];

    const refusal = (canCancel: boolean) => ({
      message: `Tenant ${tenant.slug} is scheduled for deletion on 1 March 2031.`,
      details: { reason: "TENANT_DELETION_SCHEDULED", tenantName: `Tenant ${tenant.slug}`, deletionScheduledFor: at.toISOString(), canCancel },
    });
    const refused = async (call: Promise<unknown>) => {
      const error = await expectAppError(call, "FORBIDDEN", "TENANT_DELETION_SCHEDULED");
      return { message: error.message, details: error.details };
    };
    expect(await refused(owner.probe())).toEqual(refusal(true));
    expect(await refused(viewer.probe())).toEqual(refusal(false));
    expect(await refused(byKey.probe())).toEqual(refusal(true));

    expect(await owner.readWhileScheduled()).toBe("ran");
    expect(await owner.deleteWhileScheduled()).toBe("ran");
    expect(await viewer.readWhileScheduled()).toBe("ran");
    // The exception still needs the permission: a viewer is refused as for any other call.
    expect(await refused(viewer.deleteWhileScheduled())).toEqual(refusal(false));
    // Keys never get the exception, whatever their role.
    expect(await refused(byKey.readWhileScheduled())).toEqual(refusal(true));
    expect(await refused(byKey.deleteWhileScheduled())).toEqual(refusal(true));
  });
});

describe("recheckTenantAccess (a call that lasts, decided again)", () => {
  const contextWith = (again: Awaited<ReturnType<NonNullable<TRPCContext["reauthenticate"]>>> | undefined) =>
    ({ reauthenticate: again === undefined ? undefined : async () => again }) as unknown as TRPCContext;
  const keyCheck = async (key: string) => {
    const check = await authenticateApiKey(key);
    if (!check.ok) throw new Error(`the test key did not authenticate: ${check.reason}`);
    return check;
  };

  it("gives a member their current role and its permissions, found by the tenant's id", async () => {
    const tenant = await createTestTenant("recheck");
    const access = await recheckTenantAccess(contextWith({ user: tenant.users.VIEWER, apiKey: null }), tenant.id);
    expect(access?.role).toBe("VIEWER");
    expect([...access!.permissions].sort()).toEqual([...permissionsFor("VIEWER")].sort());
    // Renaming the tenant's slug meanwhile does not end the stream: the tenant is found by id.
    await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { slug: `${tenant.slug}-renamed` } }));
    expect((await recheckTenantAccess(contextWith({ user: tenant.users.ADMIN, apiKey: null }), tenant.id))?.role).toBe("ADMIN");
  });

  it("finds the membership of the tenant asked for when the user belongs to several", async () => {
    const [first, second] = [await createTestTenant("recheck-multi-a"), await createTestTenant("recheck-multi-b")];
    // The first tenant's agent is also a viewer of the second.
    await withPrivilegedDb("test fixture", (db) => db.membership.create({ data: { tenantId: second.id, userId: first.users.AGENT.id, role: "VIEWER" } }));
    const c = contextWith({ user: first.users.AGENT, apiKey: null });
    expect((await recheckTenantAccess(c, second.id))?.role).toBe("VIEWER");
    expect((await recheckTenantAccess(c, first.id))?.role).toBe("AGENT");
  });

  it("is null without credentials: no way to re-authenticate, signed out, or a refused key and no user", async () => {
    const tenant = await createTestTenant("recheck-none");
    expect(await recheckTenantAccess(contextWith(undefined), tenant.id)).toBeNull();
    expect(await recheckTenantAccess(contextWith(null), tenant.id)).toBeNull();
    expect(await recheckTenantAccess(contextWith({ user: null, apiKey: null }), tenant.id)).toBeNull();
    expect(await recheckTenantAccess(contextWith({ user: null, apiKey: { ok: false, reason: "REVOKED" } }), tenant.id)).toBeNull();
  });

  it("is null for a user who is not (or no longer) a member, or for another tenant's id", async () => {
    const [tenant, other] = [await createTestTenant("recheck-a"), await createTestTenant("recheck-b")];
    expect(await recheckTenantAccess(contextWith({ user: other.users.OWNER, apiKey: null }), tenant.id)).toBeNull();
    await withPrivilegedDb("test fixture", (db) => db.membership.deleteMany({ where: { tenantId: tenant.id, userId: tenant.users.AGENT.id } }));
    expect(await recheckTenantAccess(contextWith({ user: tenant.users.AGENT, apiKey: null }), tenant.id)).toBeNull();
  });

  it("is null once the tenant is suspended or scheduled for deletion, for users and keys alike", async () => {
    for (const change of ["suspend", "schedule"] as const) {
      const tenant = await createTestTenant(`recheck-${change}`);
      const key = await keyCheck(await createTestApiKey(tenant, { role: "ADMIN" }));
      const owner = contextWith({ user: tenant.users.OWNER, apiKey: null });
      expect((await recheckTenantAccess(owner, tenant.id))?.role).toBe("OWNER");
      if (change === "suspend") await setTenantStatus(tenant, "SUSPENDED");
      else await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { deletionScheduledFor: new Date("2031-03-01T00:00:00Z") } }));
      expect(await recheckTenantAccess(owner, tenant.id)).toBeNull();
      const stale = { ...key, principal: { ...key.principal, tenantStatus: "SUSPENDED" as const } };
      const scheduled = { ...key, principal: { ...key.principal, tenantDeletionScheduledFor: new Date("2031-03-01T00:00:00Z") } };
      expect(await recheckTenantAccess(contextWith({ user: null, apiKey: change === "suspend" ? stale : scheduled }), tenant.id)).toBeNull();
    }
  });

  it("takes a valid key's tenant and role from the key, refuses it for another tenant, and falls back to the user when the key is refused", async () => {
    const [tenant, other] = [await createTestTenant("recheck-key"), await createTestTenant("recheck-key-b")];
    const key = await keyCheck(await createTestApiKey(tenant, { role: "AGENT" }));
    const byKey = await recheckTenantAccess(contextWith({ user: null, apiKey: key }), tenant.id);
    expect(byKey?.role).toBe("AGENT");
    expect([...byKey!.permissions].sort()).toEqual([...permissionsFor("AGENT")].sort());
    expect(await recheckTenantAccess(contextWith({ user: null, apiKey: key }), other.id)).toBeNull();
    // A key that is presented and valid wins over the user (the stream was opened with the key).
    expect((await recheckTenantAccess(contextWith({ user: tenant.users.OWNER, apiKey: key }), tenant.id))?.role).toBe("AGENT");
    // A refused key with a signed-in user: the user's own membership decides.
    expect((await recheckTenantAccess(contextWith({ user: tenant.users.OWNER, apiKey: { ok: false, reason: "EXPIRED" } }), tenant.id))?.role).toBe("OWNER");
  });
});
