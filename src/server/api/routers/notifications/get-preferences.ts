import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { getNotificationPreferences, notificationPreferenceSchema } from "@/server/services/notifications/preferences";

/** The caller's choice for every kind of notification (defaults where they made none). */
export const getPreferences = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "GET", path: "/notifications/preferences" } })
  .output(z.object({ preferences: z.array(notificationPreferenceSchema) }))
  .query(async ({ ctx }) => ({ preferences: await getNotificationPreferences(ctx.db, callerOf(ctx).userId) }));
