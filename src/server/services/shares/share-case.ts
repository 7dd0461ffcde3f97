// Sharing a case: each recipient gets an inbox item with the note and a link to the case, and the
// case's timeline records who shared it with whom (so the rest of the team can see it was passed on).
import type { z } from "zod";
import type { shareCaseSchema } from "@/lib/validations/share";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { currentActor, type Caller } from "@/server/services/cases/actor";
import { recordCaseEvents } from "@/server/services/cases/case-events";
import { createNotifications } from "@/server/services/notifications/notifications";
import { resolveShareRecipients, type ShareResult } from "./recipients";

/** Notification type of a shared case or view. */
export const SHARE_NOTIFICATION = "share";

export async function shareCase(db: TenantDb, caller: Caller, input: z.output<typeof shareCaseSchema>): Promise<ShareResult> {
  const target = await db.case.findFirst({ where: { id: input.id }, select: { id: true } });
  if (!target) throw notFound("Case");
  const { recipients, teams } = await resolveShareRecipients(db, input, caller.userId);
  const actorId = currentActor().id;
  await createNotifications(
    db,
    recipients.map((r) => ({ userId: r.id, type: SHARE_NOTIFICATION, caseId: target.id, note: input.note, actorId })),
  );
  await recordCaseEvents(db, [{ caseId: target.id, type: "shared", to: { userIds: recipients.map((r) => r.id), teams, note: input.note } }]);
  await recordAudit(db, {
    action: "case.shared",
    targetType: "case",
    targetId: target.id,
    diff: { userIds: recipients.map((r) => r.id), teamIds: teams.map((t) => t.id) },
  });
  return { recipients };
}
