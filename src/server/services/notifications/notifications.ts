// A member's notifications (mentions for now). Each member sees only their own; an API key has
// none. Ids of anyone else's notifications are NOT_FOUND, like ids that do not exist.
import { z } from "zod";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { requireTenantId } from "@/server/db/tenant-scope";
import { emitEvents } from "@/server/realtime/emit";
import { decodeCursor, encodeCursor } from "@/server/services/pagination/cursor";
import { cursorKey } from "@/server/services/pagination/cursor-keys";

export const notificationOutput = z.object({
  id: z.string(),
  type: z.string(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
  case: z.object({ id: z.string(), number: z.number().int(), title: z.string() }).nullable(),
  messageId: z.string().nullable(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
});
export type NotificationOutput = z.infer<typeof notificationOutput>;

const cursorShape = z.object({ at: cursorKey.timestamp, id: cursorKey.uuid });

export async function listNotifications(
  db: TenantDb,
  userId: string | null,
  input: { unreadOnly: boolean; limit: number; cursor?: string | null },
): Promise<{ items: NotificationOutput[]; nextCursor: string | null; unreadCount: number }> {
  if (!userId) return { items: [], nextCursor: null, unreadCount: 0 };
  const c = input.cursor ? decodeCursor(input.cursor, cursorShape) : null;
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...(input.unreadOnly ? { readAt: null } : {}),
      ...(c ? { OR: [{ createdAt: { lt: new Date(c.at) } }, { createdAt: new Date(c.at), id: { lt: c.id } }] } : {}),
    },
    select: { id: true, type: true, readAt: true, createdAt: true, messageId: true, actorId: true, case: { select: { id: true, number: true, title: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const actorIds = [...new Set(page.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const [actors, unreadCount] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds.filter((id) => z.uuid().safeParse(id).success) } }, select: { id: true, name: true } }) : [],
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const last = page.at(-1);
  return {
    items: page.map(({ actorId, ...r }) => ({ ...r, actor: actorId ? { id: actorId, name: names.get(actorId) ?? null } : null })),
    nextCursor: hasMore && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
    unreadCount,
  };
}

/** Marks the named notifications (or all of the member's) read; returns how many changed. */
export async function markNotificationsRead(db: TenantDb, userId: string | null, input: { ids?: string[]; all?: boolean }): Promise<{ updated: number }> {
  if (input.ids?.length) {
    const own = userId ? await db.notification.count({ where: { id: { in: input.ids }, userId } }) : 0;
    if (own !== new Set(input.ids).size) throw notFound("Notification");
  }
  if (!userId) return { updated: 0 };
  const { count } = await db.notification.updateMany({
    where: { userId, readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
    data: { readAt: new Date() },
  });
  return { updated: count };
}

export interface NewNotification {
  userId: string;
  type: string;
  caseId?: string | null;
  messageId?: string | null;
  actorId?: string | null;
  createdAt?: Date;
}

/** The one way notifications are made: stored, and each recipient's open streams told at commit. */
export async function createNotifications(db: TenantDb, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  const tenantId = requireTenantId();
  const created = await db.notification.createManyAndReturn({
    data: notifications.map((n) => ({ tenantId, ...n })),
    select: { id: true, userId: true, type: true },
  });
  emitEvents(...created.map((n) => ({ kind: "notification.created" as const, entityId: n.id, userId: n.userId, data: { type: n.type } })));
}
