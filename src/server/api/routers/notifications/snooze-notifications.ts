import { z } from "zod";
import { dateInput } from "@/lib/validations/date";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { snoozeNotifications as snoozeNotificationsService } from "@/server/services/notifications/notifications";

const YEAR_MS = 366 * 24 * 60 * 60_000;

export const snoozeNotificationsInput = z.object({
  ids: z.array(z.uuid()).min(1).max(500),
  /** When they come back to the open list; null brings them back now. At most a year ahead. */
  until: dateInput()
    .refine((d) => d.getTime() > Date.now(), { message: "Choose a time in the future" })
    .refine((d) => d.getTime() <= Date.now() + YEAR_MS, { message: "Choose a time within a year" })
    .nullable(),
});

/** Hides the caller's notifications until a time; another member's ids are NOT_FOUND. */
export const snoozeNotifications = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "POST", path: "/notifications/snooze" } })
  .input(snoozeNotificationsInput)
  .output(z.object({ updated: z.number().int() }))
  .mutation(({ ctx, input }) => snoozeNotificationsService(ctx.db, callerOf(ctx).userId, input));
