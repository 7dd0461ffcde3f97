// The feed as its reader may read it: pinned first, then by priority, newest first within one.
// Keyset pagination on (priority, createdAt, id), all descending: each page continues after the
// last row of the previous one, answered by the (tenant, priority, created_at, id) index.
// Priority is an enum, which Prisma cannot compare with lt, so "a lower priority" is the list of
// the priorities declared before it.
import { z } from "zod";
import { FEED_PRIORITIES, type FeedListFilter } from "@/lib/validations/feed";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { decodeCursor, encodeCursor } from "@/server/services/pagination/cursor";
import { cursorKey } from "@/server/services/pagination/cursor-keys";
import { readableBy, type FeedReader } from "./feed-audience";
import { feedItemSelect, type FeedItemOutput } from "./feed-select";

const cursorShape = z.object({ p: cursorKey.oneOf(FEED_PRIORITIES), at: cursorKey.timestamp, id: cursorKey.uuid });

function after(cursor: z.output<typeof cursorShape>): Prisma.FeedItemWhereInput {
  const at = new Date(cursor.at);
  const lower = FEED_PRIORITIES.slice(0, FEED_PRIORITIES.indexOf(cursor.p));
  return {
    OR: [
      { priority: { in: lower } },
      { priority: cursor.p, createdAt: { lt: at } },
      { priority: cursor.p, createdAt: at, id: { lt: cursor.id } },
    ],
  };
}

export async function listFeed(
  db: TenantDb,
  reader: FeedReader,
  input: FeedListFilter & { limit: number; cursor?: string | null },
): Promise<{ items: FeedItemOutput[]; nextCursor: string | null }> {
  const cursor = input.cursor ? decodeCursor(input.cursor, cursorShape) : null;
  const filter: Prisma.FeedItemWhereInput = {
    ...(input.kind?.length ? { kind: { in: input.kind } } : {}),
    ...(input.audienceKind ? { audienceKind: input.audienceKind } : {}),
  };
  const rows = await db.feedItem.findMany({
    where: { AND: [await readableBy(db, reader, new Date()), filter, cursor ? after(cursor) : {}] },
    select: feedItemSelect,
    orderBy: [{ priority: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: hasMore && last ? encodeCursor({ p: last.priority, at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** An item the reader may read; another tenant's, an expired one or one for others is NOT_FOUND alike. */
export async function getFeedItem(db: TenantDb, reader: FeedReader, id: string): Promise<FeedItemOutput> {
  const item = await db.feedItem.findFirst({ where: { AND: [{ id }, await readableBy(db, reader, new Date())] }, select: feedItemSelect });
  if (!item) throw notFound("Feed item");
  return item;
}
