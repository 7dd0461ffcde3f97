// How each member wants each kind of notification: in the inbox or not, and by e-mail never,
// immediately or in a daily digest. A member's preferences are their own (an API key has none);
// a kind without a row has the defaults, so adding a kind needs no migration.
import { z } from "zod";
import {
  DEFAULT_PREFERENCE,
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  type EmailMode,
  type NotificationKind,
  type NotificationPreferenceValue,
} from "@/lib/notification-kinds";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError } from "@/server/errors/app-error";

export const notificationPreferenceSchema = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  inApp: z.boolean(),
  email: z.enum(EMAIL_MODES),
});

const isKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);
const isEmailMode = (mode: string): mode is EmailMode => (EMAIL_MODES as readonly string[]).includes(mode);

/** Every kind, with the member's choice or the default. */
export async function getNotificationPreferences(db: TenantDb, userId: string | null): Promise<NotificationPreferenceValue[]> {
  if (!userId) throw new AppError("FORBIDDEN", "Notification preferences belong to members; an API key has none");
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, inApp: true, email: true } });
  const stored = new Map(rows.map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => {
    const row = stored.get(kind);
    return { kind, inApp: row?.inApp ?? DEFAULT_PREFERENCE.inApp, email: row && isEmailMode(row.email) ? row.email : DEFAULT_PREFERENCE.email };
  });
}

/** Stores the given kinds' choices (others keep theirs); returns the whole set. */
export async function updateNotificationPreferences(
  db: TenantDb,
  userId: string | null,
  preferences: NotificationPreferenceValue[],
): Promise<NotificationPreferenceValue[]> {
  if (!userId) throw new AppError("FORBIDDEN", "Notification preferences belong to members; an API key has none");
  const tenantId = requireTenantId();
  for (const p of preferences) {
    await db.notificationPreference.upsert({
      where: { tenantId_userId_kind: { tenantId, userId, kind: p.kind } },
      create: { tenantId, userId, kind: p.kind, inApp: p.inApp, email: p.email },
      update: { inApp: p.inApp, email: p.email },
    });
  }
  return getNotificationPreferences(db, userId);
}

export type PreferenceLookup = (userId: string, kind: string) => { inApp: boolean; email: EmailMode };

/** The preferences of many recipients at once, for one batch of new notifications (one query). */
export async function preferenceLookup(db: TenantDb, userIds: string[], kinds: string[]): Promise<PreferenceLookup> {
  const rows = await db.notificationPreference.findMany({
    where: { userId: { in: [...new Set(userIds)] }, kind: { in: [...new Set(kinds)].filter(isKind) } },
    select: { userId: true, kind: true, inApp: true, email: true },
  });
  const byKey = new Map(rows.map((r) => [`${r.userId}:${r.kind}`, r]));
  return (userId, kind) => {
    const row = byKey.get(`${userId}:${kind}`);
    if (!row) return DEFAULT_PREFERENCE;
    return { inApp: row.inApp, email: isEmailMode(row.email) ? row.email : DEFAULT_PREFERENCE.email };
  };
}
