import { z } from "zod";
import { alertListFilterSchema } from "@/lib/validations/alert";
import { text } from "@/lib/validations/text";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { alertOutput } from "@/server/services/alerts/alert-select";
import { listAlerts as listAlertsService } from "@/server/services/alerts/list-alerts";

export const listAlertsInput = alertListFilterSchema.extend({
  limit: z.number().int().min(1).max(100).default(25),
  /** nextCursor of the previous page (opaque). */
  cursor: text().max(500).nullish(),
});

/** Newest firing first (lastFiredAt, then id), filtered; keyset pages. */
export const listAlerts = tenantProcedure("alerts:read")
  .meta({ openapi: { method: "GET", path: "/alerts" } })
  .input(listAlertsInput)
  .output(z.object({ items: z.array(alertOutput), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => listAlertsService(ctx.db, callerOf(ctx).userId, input));
