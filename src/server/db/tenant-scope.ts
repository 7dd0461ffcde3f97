// Which tenant the current database transaction belongs to. Set only by withTenantDb, read by
// the tenancy extension and by the guard that keeps privileged queries out of tenant transactions.
import { AsyncLocalStorage } from "node:async_hooks";

export interface TenantScope {
  readonly tenantId: string;
  /** Run in order after the work, as the transaction's last statements (the realtime log's append). */
  readonly beforeCommit: ((tx: unknown) => Promise<void>)[];
  /** Run once the transaction has committed, never after a rollback (waking the realtime bus). */
  readonly afterCommit: (() => void)[];
}

export const tenantScope = new AsyncLocalStorage<TenantScope>();

export function currentTenantId(): string | undefined {
  // Stryker disable next-line OptionalChaining: not equivalent, but Stryker cannot see it die; without `?.` every query outside a tenant transaction throws, so the test database fails to boot in the setup's beforeAll and every test file fails with no test run, which its vitest runner counts as survived
  return tenantScope.getStore()?.tenantId;
}

/** The current tenant transaction's scope; throws outside one, naming what needed it. */
export function requireTenantScope(what: string): TenantScope {
  const scope = tenantScope.getStore();
  if (!scope) throw new Error(`${what} called outside a tenant transaction`);
  return scope;
}

/** The tenant of the current tenant transaction; for creates, whose types require tenantId. */
export function requireTenantId(): string {
  const tenantId = currentTenantId();
  if (!tenantId) throw new Error("requireTenantId called outside a tenant transaction");
  return tenantId;
}

/**
 * The unique key of a row of a distributed table, whose primary key is (tenant_id, id) so that on
 * Citus it lives in one shard (docs/scaling.md): `where: tenantKey(id)` in update/delete/findUnique.
 */
export function tenantKey(id: string): { tenantId_id: { tenantId: string; id: string } } {
  return { tenantId_id: { tenantId: requireTenantId(), id } };
}
