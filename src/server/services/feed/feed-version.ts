// Optimistic concurrency for feed items, as for alerts: a write applies only at the version it
// was based on; otherwise CONFLICT with the item as it now is, so an editor can see what changed
// instead of overwriting it. An expired item is NOT_FOUND here too: it is gone for everyone.
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { AppError, notFound } from "@/server/errors/app-error";
import { liveAt } from "./feed-audience";
import { feedItemSelect, type FeedItemOutput } from "./feed-select";

/** A live item of the tenant, whatever its audience (writers manage the feed, so they read all of it). */
export async function loadFeedItemForManager(db: TenantDb, id: string): Promise<FeedItemOutput> {
  const item = await db.feedItem.findFirst({ where: { AND: [{ id }, liveAt(new Date())] }, select: feedItemSelect });
  if (!item) throw notFound("Feed item");
  return item;
}

async function staleConflict(db: TenantDb, id: string): Promise<AppError> {
  const current = await loadFeedItemForManager(db, id).catch(() => null);
  if (!current) return notFound("Feed item");
  return new AppError("CONFLICT", "The feed item was changed by someone else meanwhile; review the current version", { reason: "STALE_VERSION", current });
}

/** The item as a write starts from, or NOT_FOUND; a `version` the caller names must still be current. */
export async function readFeedItemForWrite(db: TenantDb, id: string, expectedVersion: number | undefined): Promise<FeedItemOutput> {
  const current = await loadFeedItemForManager(db, id);
  if (expectedVersion !== undefined && expectedVersion !== current.version) throw await staleConflict(db, id);
  return current;
}

export async function updateFeedItemAtVersion(db: TenantDb, id: string, version: number, data: Prisma.FeedItemUncheckedUpdateManyInput): Promise<void> {
  const { count } = await db.feedItem.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw await staleConflict(db, id);
}
