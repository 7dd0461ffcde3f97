// The one place that decides tenant and permission for a call. It resolves the tenant from the
// URL slug (session users) or the API key, checks membership and status, checks the procedure's
// declared permission, then runs the procedure inside a tenant transaction (RLS bound to the
// tenant) with a narrowed, frozen request context.
import { permissionsFor, type Permission } from "@/server/auth/permissions";
import { runWithNarrowedContext } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { AppError } from "@/server/errors/app-error";
import type { Role } from "@/server/db/generated/enums";
import type { ApiKeyPrincipal } from "@/server/auth/api-keys";
import type { TRPCContext } from "../context";
import type { TRPCInstance } from "../trpc";

interface ResolvedTenant {
  id: string;
  slug: string;
  name: string;
  status: "ACTIVE" | "SUSPENDED";
  role: Role;
  deletionScheduledFor: Date | null;
}

/** The user's membership in the tenant named by slug (a call) or by id (a call that lasts, whose tenant may be renamed meanwhile). */
async function resolveForUser(userId: string, tenant: { slug: string } | { id: string }): Promise<ResolvedTenant | null> {
  return withPrivilegedDb("resolve tenant membership", async (db) => {
    const membership = await db.membership.findFirst({
      where: { userId, tenant },
      // Stryker disable next-line ObjectLiteral: `tenant: {}` selects the whole tenant row, a superset of these fields, of which only these are read (equivalent); emptying either select instead loses fields the checks need, which the tests catch
      select: { role: true, tenant: { select: { id: true, slug: true, name: true, status: true, deletionScheduledFor: true } } },
    });
    return membership ? { ...membership.tenant, role: membership.role } : null;
  });
}

/** The key's own lookup already read its tenant: no second round trip. */
function resolveForApiKey(principal: ApiKeyPrincipal): ResolvedTenant {
  return {
    id: principal.tenantId,
    slug: principal.tenantSlug,
    name: principal.tenantName,
    status: principal.tenantStatus,
    deletionScheduledFor: principal.tenantDeletionScheduledFor,
    role: principal.role,
  };
}

const deletionDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/**
 * A tenant scheduled for deletion refuses its members and keys like a suspended one, saying when
 * the data goes. Only members get this far (outsiders got NOT_FOUND), so the date is theirs to know.
 * Owners may still cancel (tenant.cancelDeletion declares allowWhileDeletionScheduled).
 */
function deletionScheduledError(tenant: ResolvedTenant, at: Date, permissions: ReadonlySet<string>): AppError {
  return new AppError("FORBIDDEN", `${tenant.name} is scheduled for deletion on ${deletionDate.format(at)}.`, {
    reason: "TENANT_DELETION_SCHEDULED",
    tenantName: tenant.name,
    deletionScheduledFor: at.toISOString(),
    canCancel: permissions.has("tenant:delete"),
  });
}

/** Rolls the tenant transaction back when the procedure failed, then hands the failure on. */
class ProcedureFailed extends Error {
  constructor(readonly result: unknown) {
    // Stryker disable next-line StringLiteral: never surfaces; the catch below unwraps every ProcedureFailed
    super("procedure failed");
  }
}

export const tenantMiddleware = (t: TRPCInstance) =>
  t.middleware(async ({ ctx, meta, next }) => {
    const c = ctx as TRPCContext & { principal: ApiKeyPrincipal | null };
    const permission = meta?.permission;
    if (!permission) throw new AppError("FORBIDDEN", "This operation declares no permission");

    const decideStarted = performance.now();
    let tenant: ResolvedTenant | null;
    if (c.principal) {
      if (c.tenantSlug && c.tenantSlug !== c.principal.tenantSlug) throw new AppError("NOT_FOUND", "Tenant not found");
      tenant = resolveForApiKey(c.principal);
    } else {
      if (!c.tenantSlug) throw new AppError("BAD_REQUEST", "No tenant named: open the tenant's URL or send x-caseboard-tenant");
      tenant = await resolveForUser(c.user!.id, { slug: c.tenantSlug });
    }
    c.timing?.add("tenant", performance.now() - decideStarted);
    // Not being a member and the tenant not existing look the same from outside.
    if (!tenant) throw new AppError("NOT_FOUND", "Tenant not found");
    if (tenant.status === "SUSPENDED") {
      throw new AppError("FORBIDDEN", "This organisation is suspended. Contact your administrator.", { reason: "TENANT_SUSPENDED" });
    }
    const permissions = permissionsFor(tenant.role);
    // Stryker disable next-line OptionalChaining: meta is defined here (without it, the permission check above has thrown)
    const allowWhileScheduled = meta?.allowWhileDeletionScheduled === true && !c.principal && permissions.has(permission);
    if (tenant.deletionScheduledFor && !allowWhileScheduled) throw deletionScheduledError(tenant, tenant.deletionScheduledFor, permissions);
    if (!permissions.has(permission)) {
      throw new AppError("FORBIDDEN", `Your role (${tenant.role}) does not allow this`, { reason: "PERMISSION_DENIED", permission });
    }

    const narrowed = { tenant: { id: tenant.id, slug: tenant.slug }, role: tenant.role, permissions };
    const call = (db: TenantDb) =>
      next({
        ctx: { ...c, db, tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, role: tenant.role, permissions },
      });
    const txStarted = performance.now();
    try {
      return await runWithNarrowedContext(narrowed, () => inTenantTransaction(tenant.id, call));
    } finally {
      c.timing?.add("tx", performance.now() - txStarted);
    }
  });

/**
 * Runs the rest of a call in one tenant transaction, rolled back when the procedure failed (its
 * result is an error, not a throw, so the transaction would otherwise commit).
 */
export async function inTenantTransaction<R extends { ok: boolean }>(tenantId: string, call: (db: TenantDb) => Promise<R>): Promise<R> {
  try {
    return await withTenantDb(tenantId, async (db) => {
      const result = await call(db);
      if (!result.ok) throw new ProcedureFailed(result);
      return result;
    });
  } catch (error) {
    if (error instanceof ProcedureFailed) return error.result as R;
    throw error;
  }
}

export interface TenantAccess {
  role: Role;
  permissions: ReadonlySet<Permission>;
}

/**
 * Decides again, for a call that lasts (a realtime stream), whether its caller may still act in
 * the tenant it was let into, and with which role: the same checks as when the call began, on the
 * credentials it presented. Null when not: signed out, key revoked or capped away, membership
 * removed, tenant suspended or scheduled for deletion.
 */
export async function recheckTenantAccess(c: TRPCContext, tenantId: string): Promise<TenantAccess | null> {
  const again = await c.reauthenticate?.();
  if (!again) return null;
  let tenant: ResolvedTenant | null;
  if (again.apiKey?.ok) tenant = resolveForApiKey(again.apiKey.principal);
  else if (again.user) tenant = await resolveForUser(again.user.id, { id: tenantId });
  else return null;
  if (!tenant || tenant.id !== tenantId || tenant.status !== "ACTIVE" || tenant.deletionScheduledFor) return null;
  return { role: tenant.role, permissions: permissionsFor(tenant.role) };
}
