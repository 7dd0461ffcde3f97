import { z } from "zod";
import { alertCountFilterSchema } from "@/lib/validations/alert";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { countAlerts as countAlertsService } from "@/server/services/alerts/list-alerts";

const bySeverity = z.object({ INFO: z.number().int(), WARNING: z.number().int(), CRITICAL: z.number().int() });

export const alertCountsOutput = z.object({
  total: z.number().int(),
  byStatus: z.object({ ACTIVE: z.number().int(), ACKNOWLEDGED: z.number().int(), RESOLVED: z.number().int() }),
  bySeverity,
  /** ACTIVE (not yet acknowledged) alerts by severity: the sidebar's badge. */
  activeBySeverity: bySeverity,
});

/** The list's filters other than status and severity, which are what it counts by. */
export const countAlerts = tenantProcedure("alerts:read")
  .meta({ openapi: { method: "GET", path: "/alerts/count" } })
  .input(alertCountFilterSchema.optional())
  .output(alertCountsOutput)
  .query(({ ctx, input }) => countAlertsService(ctx.db, callerOf(ctx).userId, input ?? {}));
