import { z } from "zod";
import { text } from "@/lib/validations/text";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { INBOX_VIEWS, listNotifications as listNotificationsService, notificationOutput } from "@/server/services/notifications/notifications";

export const listNotificationsInput = z
  .object({
    /** open: not done and not snoozed (the inbox); snoozed; done; all. */
    view: z.enum(INBOX_VIEWS).default("open"),
    unreadOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(100).default(20),
    cursor: text().max(500).nullish(),
  })
  .default({ view: "open", unreadOnly: false, limit: 20 });

export const listNotifications = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "GET", path: "/notifications" } })
  .input(listNotificationsInput)
  .output(z.object({ items: z.array(notificationOutput), nextCursor: z.string().nullable(), unreadCount: z.number().int() }))
  .query(({ ctx, input }) => listNotificationsService(ctx.db, callerOf(ctx).userId, input));
