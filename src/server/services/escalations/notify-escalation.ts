// Who hears of an escalation: the members of the team it went to, or, with no team, the
// tenant's admins and owners (someone must pick it up). Never the one who escalated it.
import type { TenantDb } from "@/server/db/tenant-db";
import { currentActor } from "@/server/services/cases/actor";
import { createNotifications } from "@/server/services/notifications/notifications";

/** Notification type of an escalated case. */
export const ESCALATED_NOTIFICATION = "escalated";

async function escalationRecipients(db: TenantDb, teamId: string | null): Promise<string[]> {
  const rows = teamId
    ? await db.teamMember.findMany({ where: { teamId }, select: { userId: true } })
    : await db.membership.findMany({ where: { role: { in: ["OWNER", "ADMIN"] } }, select: { userId: true } });
  return [...new Set(rows.map((r) => r.userId))];
}

export async function notifyEscalation(db: TenantDb, input: { caseId: string; teamId: string | null; reason: string; at?: Date }): Promise<number> {
  const actorId = currentActor().id;
  const userIds = (await escalationRecipients(db, input.teamId)).filter((id) => id !== actorId);
  await createNotifications(
    db,
    userIds.map((userId) => ({ userId, type: ESCALATED_NOTIFICATION, caseId: input.caseId, note: input.reason, actorId, ...(input.at ? { createdAt: input.at } : {}) })),
  );
  return userIds.length;
}
