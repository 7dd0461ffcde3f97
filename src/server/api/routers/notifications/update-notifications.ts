import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { INBOX_ACTIONS, updateNotifications as updateNotificationsService } from "@/server/services/notifications/notifications";

export const updateNotificationsInput = z.object({
  ids: z.array(z.uuid()).min(1).max(500),
  /** read, unread, done (also read; leaves the open list), undone (back to the open list). */
  action: z.enum(INBOX_ACTIONS),
});

/** The inbox's actions on the caller's own notifications; another member's ids are NOT_FOUND. */
export const updateNotifications = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "POST", path: "/notifications/update" } })
  .input(updateNotificationsInput)
  .output(z.object({ updated: z.number().int() }))
  .mutation(({ ctx, input }) => updateNotificationsService(ctx.db, callerOf(ctx).userId, input));
