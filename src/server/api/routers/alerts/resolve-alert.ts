import { resolveAlertSchema } from "@/lib/validations/alert";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { alertOutput } from "@/server/services/alerts/alert-select";
import { transitionAlert } from "@/server/services/alerts/alert-lifecycle";

/** ACTIVE or ACKNOWLEDGED → RESOLVED, with an optional note. Otherwise CONFLICT, reason INVALID_TRANSITION. */
export const resolveAlert = tenantProcedure("alerts:manage")
  .meta({ openapi: { method: "POST", path: "/alerts/{id}/resolve" } })
  .input(resolveAlertSchema)
  .output(alertOutput)
  .mutation(({ ctx, input }) => transitionAlert(ctx.db, { ...input, action: "resolve", userId: callerOf(ctx).userId }));
