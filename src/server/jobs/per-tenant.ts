// The recurring platform tasks that work tenant by tenant (waking snoozed cases, escalation rules,
// notification digests) find the tenants with something to do and enqueue one tenant job each,
// which then runs as its tenant (RLS, the tenant's context on events).
import type { AnyJobDefinition } from "./define";

/**
 * Enqueues `job` (payload `{}` unless given) for each tenant, keyed by `dedupeKey`, so a tenant has
 * at most one unfinished run: a slow run is not joined by a second one. Returns how many were enqueued.
 */
export async function enqueuePerTenant(job: AnyJobDefinition, tenantIds: readonly string[], dedupeKey: string, payload: unknown = {}): Promise<number> {
  // Imported here, not at the top: the queue imports the registry, which imports the tasks.
  const { enqueue } = await import("./queue");
  for (const tenantId of tenantIds) await enqueue(job, payload as never, { tenantId, dedupeKey });
  return tenantIds.length;
}
