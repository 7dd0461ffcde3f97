// Sharing a saved view: each recipient gets an inbox item with the note and a link to the cases
// list with the view's filters applied. Only a view the caller can see may be shared: their own
// and the tenant's shared ones; someone else's personal view is NOT_FOUND, as in views.update.
// Sharing a personal view this way hands out its filters, not the view: it stays personal.
import type { z } from "zod";
import type { shareViewSchema } from "@/lib/validations/share";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { currentActor } from "@/server/services/cases/actor";
import { createNotifications } from "@/server/services/notifications/notifications";
import { visibleTo, type ViewCaller } from "@/server/services/views/saved-views";
import { resolveShareRecipients, type ShareResult } from "./recipients";
import { SHARE_NOTIFICATION } from "./share-case";

export async function shareView(db: TenantDb, caller: ViewCaller, input: z.output<typeof shareViewSchema>): Promise<ShareResult> {
  const view = await db.savedView.findFirst({ where: { AND: [{ id: input.id }, visibleTo(caller)] }, select: { id: true } });
  if (!view) throw notFound("View");
  const { recipients, teams } = await resolveShareRecipients(db, input, caller.userId);
  const actorId = currentActor().id;
  await createNotifications(
    db,
    recipients.map((r) => ({ userId: r.id, type: SHARE_NOTIFICATION, viewId: view.id, note: input.note, actorId })),
  );
  await recordAudit(db, {
    action: "saved_view.shared",
    targetType: "saved_view",
    targetId: view.id,
    diff: { userIds: recipients.map((r) => r.id), teamIds: teams.map((t) => t.id) },
  });
  return { recipients };
}
