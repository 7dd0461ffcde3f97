import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { notificationPreferenceSchema, updateNotificationPreferences } from "@/server/services/notifications/preferences";

export const updatePreferencesInput = z.object({
  /** The kinds to change; kinds left out keep their current choice. */
  preferences: z
    .array(notificationPreferenceSchema)
    .min(1)
    .max(20)
    .refine((list) => new Set(list.map((p) => p.kind)).size === list.length, { message: "Name each kind once" }),
});

/** Sets how the caller receives kinds of notification: in the inbox, and by e-mail (never, immediately, daily digest). */
export const updatePreferences = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "PUT", path: "/notifications/preferences" } })
  .input(updatePreferencesInput)
  .output(z.object({ preferences: z.array(notificationPreferenceSchema) }))
  .mutation(async ({ ctx, input }) => ({ preferences: await updateNotificationPreferences(ctx.db, callerOf(ctx).userId, input.preferences) }));
