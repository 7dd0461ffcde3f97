import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { recordSearchOpen, recordSearchOpenInput } from "@/server/services/search/analytics";

/** A result opened from one of the caller's own searches, with its position (search analytics). */
export const recordOpen = tenantProcedure("cases:read")
  .meta({ openapi: { method: "POST", path: "/search/opens" } })
  .input(recordSearchOpenInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(({ ctx, input }) => recordSearchOpen(ctx.db, callerOf(ctx).userId, input));
