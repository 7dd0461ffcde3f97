import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { markNotificationsRead } from "@/server/services/notifications/notifications";

// One object with a rule rather than a union of two, so the REST surface can describe it.
export const markNotificationsReadInput = z
  .object({ ids: z.array(z.uuid()).min(1).max(500).optional(), all: z.literal(true).optional() })
  .refine((v) => (v.ids === undefined) !== (v.all === undefined), { message: "Give either ids or all: true", path: ["ids"] });

export const markRead = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "POST", path: "/notifications/read" } })
  .input(markNotificationsReadInput)
  .output(z.object({ updated: z.number().int() }))
  .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, callerOf(ctx).userId, input));
