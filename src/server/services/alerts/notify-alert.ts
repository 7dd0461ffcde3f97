// Who hears of an alert routed to someone: its assignee, or, without one, every member of its
// team. Never the member who routed it there themselves. Each recipient's preference for the
// "alert" kind decides whether it lands in the inbox and/or goes by mail, as for every kind.
import type { TenantDb } from "@/server/db/tenant-db";
import { currentActor } from "@/server/services/cases/actor";
import { createNotifications } from "@/server/services/notifications/notifications";

/** Notification type of an alert routed to a member or their team. */
export const ALERT_NOTIFICATION = "alert";

export async function notifyAlert(db: TenantDb, alert: { id: string; title: string; assigneeId: string | null; teamId: string | null }): Promise<number> {
  const actor = currentActor();
  const recipients = alert.assigneeId
    ? [alert.assigneeId]
    : alert.teamId
      ? (await db.teamMember.findMany({ where: { teamId: alert.teamId }, select: { userId: true } })).map((m) => m.userId)
      : [];
  const userIds = [...new Set(recipients)].filter((id) => !(actor.type === "user" && actor.id === id));
  await createNotifications(
    db,
    userIds.map((userId) => ({ userId, type: ALERT_NOTIFICATION, alertId: alert.id, note: alert.title, actorId: actor.id })),
  );
  return userIds.length;
}
