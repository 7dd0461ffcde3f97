// A member's notifications: the inbox of everything that needs them (mentions, cases assigned to
// them, replies on cases they follow, snoozes that ended, alerts routed to them). Each member
// sees only their own; an API key has none. Ids of anyone else's notifications are NOT_FOUND,
// like ids that do not exist. Open = not done and not snoozed (a snooze ends by itself: the item
// is open again after it).
import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { requireTenantId } from "@/server/db/tenant-scope";
import { emitEvents } from "@/server/realtime/emit";
import { decodeCursor, encodeCursor } from "@/server/services/pagination/cursor";
import { cursorKey } from "@/server/services/pagination/cursor-keys";
import { alertSeveritySchema, alertStatusSchema } from "@/lib/validations/alert";
import { preferenceLookup } from "./preferences";

export const notificationOutput = z.object({
  id: z.string(),
  type: z.string(),
  readAt: z.date().nullable(),
  doneAt: z.date().nullable(),
  snoozedUntil: z.date().nullable(),
  createdAt: z.date(),
  case: z.object({ id: z.string(), number: z.number().int(), title: z.string() }).nullable(),
  messageId: z.string().nullable(),
  /** A share's note or an escalation's reason. */
  note: z.string().nullable(),
  /** A shared saved view. */
  view: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The alert routed to the member or their team (type "alert"). */
  alert: z.object({ id: z.string(), title: z.string(), severity: alertSeveritySchema, status: alertStatusSchema }).nullable(),
  actor: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
});
export type NotificationOutput = z.infer<typeof notificationOutput>;

const cursorShape = z.object({ at: cursorKey.timestamp, id: cursorKey.uuid });

export const INBOX_VIEWS = ["open", "snoozed", "done", "all"] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

/** Which notifications a view holds, at `now`. */
function viewWhere(view: InboxView, now: Date): Prisma.NotificationWhereInput {
  switch (view) {
    case "open":
      return { doneAt: null, OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: now } }] };
    case "snoozed":
      return { doneAt: null, snoozedUntil: { gt: now } };
    case "done":
      return { doneAt: { not: null } };
    case "all":
      return {};
  }
}

export async function listNotifications(
  db: TenantDb,
  userId: string | null,
  input: { view?: InboxView; unreadOnly: boolean; limit: number; cursor?: string | null },
): Promise<{ items: NotificationOutput[]; nextCursor: string | null; unreadCount: number }> {
  if (!userId) return { items: [], nextCursor: null, unreadCount: 0 };
  const now = new Date();
  const c = input.cursor ? decodeCursor(input.cursor, cursorShape) : null;
  const rows = await db.notification.findMany({
    where: {
      userId,
      AND: [
        viewWhere(input.view ?? "open", now),
        input.unreadOnly ? { readAt: null } : {},
        c ? { OR: [{ createdAt: { lt: new Date(c.at) } }, { createdAt: new Date(c.at), id: { lt: c.id } }] } : {},
      ],
    },
    select: {
      id: true,
      type: true,
      readAt: true,
      doneAt: true,
      snoozedUntil: true,
      createdAt: true,
      messageId: true,
      actorId: true,
      note: true,
      view: { select: { id: true, name: true } },
      alert: { select: { id: true, title: true, severity: true, status: true } },
      case: { select: { id: true, number: true, title: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const actorIds = [...new Set(page.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const [actors, unreadCount] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds.filter((id) => z.uuid().safeParse(id).success) } }, select: { id: true, name: true } }) : [],
    // The badge: unread and open (what is done or snoozed waits for nobody).
    db.notification.count({ where: { userId, readAt: null, ...viewWhere("open", now) } }),
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
  const changed = await db.notification.updateManyAndReturn({
    where: { userId, readAt: null, ...(input.all ? {} : { id: { in: input.ids ?? [] } }) },
    data: { readAt: new Date() },
    select: { id: true },
  });
  emitUpdated(userId, changed.map((n) => n.id));
  return { updated: changed.length };
}

export const INBOX_ACTIONS = ["read", "unread", "done", "undone"] as const;
export type InboxAction = (typeof INBOX_ACTIONS)[number];

/** Refuses ids that are not all the member's own, as NOT_FOUND (another member's look like none). */
async function requireOwn(db: TenantDb, userId: string | null, ids: string[]): Promise<string> {
  const own = userId ? await db.notification.count({ where: { id: { in: ids }, userId } }) : 0;
  if (!userId || own !== new Set(ids).size) throw notFound("Notification");
  return userId;
}

/** Read, unread, done or back to open; returns how many changed. Other tabs and devices are told. */
export async function updateNotifications(db: TenantDb, userId: string | null, input: { ids: string[]; action: InboxAction }): Promise<{ updated: number }> {
  const owner = await requireOwn(db, userId, input.ids);
  const now = new Date();
  const change: Record<InboxAction, { where: Prisma.NotificationWhereInput; data: Prisma.NotificationUpdateManyMutationInput }> = {
    read: { where: { readAt: null }, data: { readAt: now } },
    unread: { where: { readAt: { not: null } }, data: { readAt: null } },
    // Done is also read; a done item is no longer snoozed.
    done: { where: { doneAt: null }, data: { doneAt: now, readAt: now, snoozedUntil: null } },
    undone: { where: { doneAt: { not: null } }, data: { doneAt: null } },
  };
  const { where, data } = change[input.action];
  const changed = await db.notification.updateManyAndReturn({ where: { userId: owner, id: { in: input.ids }, ...where }, data, select: { id: true } });
  emitUpdated(owner, changed.map((n) => n.id));
  return { updated: changed.length };
}

/** Hides the notifications until `until` (null: back now); returns how many changed. */
export async function snoozeNotifications(db: TenantDb, userId: string | null, input: { ids: string[]; until: Date | null }): Promise<{ updated: number }> {
  const owner = await requireOwn(db, userId, input.ids);
  const changed = await db.notification.updateManyAndReturn({
    where: { userId: owner, id: { in: input.ids }, doneAt: null },
    data: { snoozedUntil: input.until },
    select: { id: true },
  });
  emitUpdated(owner, changed.map((n) => n.id));
  return { updated: changed.length };
}

/** Many at once (mark all read) is one event: the member's other tabs refetch the list either way. */
const MAX_UPDATE_EVENTS = 50;

function emitUpdated(userId: string, ids: string[]): void {
  if (ids.length > MAX_UPDATE_EVENTS) {
    emitEvents({ kind: "notification.updated", entityId: ids[0]!, userId, data: { count: ids.length } });
    return;
  }
  emitEvents(...ids.map((id) => ({ kind: "notification.updated" as const, entityId: id, userId })));
}

export interface NewNotification {
  userId: string;
  type: string;
  caseId?: string | null;
  messageId?: string | null;
  actorId?: string | null;
  /** A share's note or an escalation's reason, shown with the item and in its mail. */
  note?: string | null;
  /** A shared saved view. */
  viewId?: string | null;
  /** An alert routed to the member. */
  alertId?: string | null;
  createdAt?: Date;
}

/**
 * The one way notifications are made: stored, and each recipient's open streams told at commit.
 * Each recipient's preference for the kind decides: not at all (in-app and e-mail off), in the
 * inbox, and/or by e-mail. One the member wants by e-mail only is stored already done (the mail
 * jobs read it; the open inbox never shows it, so no stream is told).
 */
export async function createNotifications(db: TenantDb, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  const tenantId = requireTenantId();
  const preferenceOf = await preferenceLookup(db, notifications.map((n) => n.userId), notifications.map((n) => n.type));
  const now = new Date();
  const wanted = notifications.flatMap((n) => {
    const p = preferenceOf(n.userId, n.type);
    if (!p.inApp && p.email === "off") return [];
    return [{ row: { ...n, tenantId, doneAt: p.inApp ? null : now }, immediate: p.email === "immediate" }];
  });
  if (wanted.length === 0) return;
  const created = await db.notification.createManyAndReturn({
    data: wanted.map((w) => w.row),
    select: { id: true, userId: true, type: true, doneAt: true },
  });
  emitEvents(
    ...created
      .filter((n) => n.doneAt === null)
      .map((n) => ({ kind: "notification.created" as const, entityId: n.id, userId: n.userId, data: { type: n.type } })),
  );
  // createManyAndReturn keeps the order of `data`, so the i-th row is the i-th wanted one.
  const immediateIds = created.filter((_, i) => wanted[i]!.immediate).map((n) => n.id);
  if (immediateIds.length > 0) {
    // Imported when needed: the job registry imports services that import this file.
    const { enqueueNotificationMail } = await import("./notification-mail-jobs");
    await enqueueNotificationMail(db, immediateIds);
  }
}
