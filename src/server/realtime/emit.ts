// The one way domain services tell others about a change: emitEvents() inside the change's tenant
// transaction. The events are appended to the tenant's log as the transaction's last statement
// and the bus is woken once it has committed; a rollback writes and wakes nothing.
import { requireTenantScope, type TenantScope } from "@/server/db/tenant-scope";
import type { TenantDb } from "@/server/db/tenant-db";
import { appendEvents, type NewEvent } from "./event-log";
import { publishLog } from "./publish";

const pending = new WeakMap<TenantScope, NewEvent[]>();

/** Same kind and entity twice in one transaction is one event (the last one's data wins). */
function coalesce(events: NewEvent[]): NewEvent[] {
  const byKey = new Map<string, NewEvent>();
  for (const e of events) {
    const key = `${e.kind}:${e.entityId}:${e.userId ?? ""}`;
    byKey.delete(key);
    byKey.set(key, e);
  }
  return [...byKey.values()];
}

export function emitEvents(...events: NewEvent[]): void {
  const scope = requireTenantScope("emitEvents");
  let buffer = pending.get(scope);
  if (!buffer) {
    const own: NewEvent[] = [];
    buffer = own;
    pending.set(scope, own);
    scope.beforeCommit.push(async (tx) => {
      const last = await appendEvents(tx as TenantDb, scope.tenantId, coalesce(own));
      if (last !== null) scope.afterCommit.push(() => publishLog(scope.tenantId, last));
    });
  }
  buffer.push(...events);
}
