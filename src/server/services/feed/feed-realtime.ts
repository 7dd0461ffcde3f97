// Tells open pages that the feed changed. The item's id only, never its title or body: a page
// refetches through feed.list / feed.get, which apply the reader's audience.
import { afterCommit } from "@/server/db/after-commit";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { appendEvents, type NewEvent } from "@/server/realtime/event-log";
import { emitEvents } from "@/server/realtime/emit";
import { publishLog } from "@/server/realtime/publish";

export type FeedChange = "created" | "updated" | "deleted";

const event = (id: string, change: FeedChange): NewEvent => ({ kind: `feed.${change}`, entityId: id, data: {} });

/** Inside a tenant transaction, like every change. */
export function feedChanged(id: string, change: FeedChange): void {
  emitEvents(event(id, change));
}

/**
 * From a privileged transaction (a member joining through an invitation, before they are one):
 * appended to the tenant's log in it, the bus woken once it commits. Call it after the
 * transaction's audit event, as tenant transactions append last, so the locks come in one order.
 */
export async function feedChangedPrivileged(db: PrivilegedDb, tenantId: string, id: string, change: FeedChange): Promise<void> {
  const last = await appendEvents(db, tenantId, [event(id, change)]);
  if (last !== null) afterCommit(() => publishLog(tenantId, last));
}
