import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { markNotificationsRead } from "@/server/services/notifications/notifications";

export const markNotificationsReadInput = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(500) }),
  z.object({ all: z.literal(true) }),
]);

export const markRead = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "POST", path: "/notifications/read" } })
  .input(markNotificationsReadInput)
  .output(z.object({ updated: z.number().int() }))
  .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, callerOf(ctx).userId, input));
