// Which tenant the current database transaction belongs to. Set only by withTenantDb, read by
// the tenancy extension and by the guard that keeps privileged queries out of tenant transactions.
import { AsyncLocalStorage } from "node:async_hooks";

interface TenantScope {
  readonly tenantId: string;
}

export const tenantScope = new AsyncLocalStorage<TenantScope>();

export function currentTenantId(): string | undefined {
  return tenantScope.getStore()?.tenantId;
}

/** The tenant of the current tenant transaction; for creates, whose types require tenantId. */
export function requireTenantId(): string {
  const tenantId = currentTenantId();
  if (!tenantId) throw new Error("requireTenantId called outside a tenant transaction");
  return tenantId;
}
