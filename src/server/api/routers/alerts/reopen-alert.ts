import { alertTransitionSchema } from "@/lib/validations/alert";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { alertOutput } from "@/server/services/alerts/alert-select";
import { transitionAlert } from "@/server/services/alerts/alert-lifecycle";

/** RESOLVED → ACTIVE, acknowledgement and resolution cleared. Otherwise CONFLICT, reason INVALID_TRANSITION. */
export const reopenAlert = tenantProcedure("alerts:manage")
  .meta({ openapi: { method: "POST", path: "/alerts/{id}/reopen" } })
  .input(alertTransitionSchema)
  .output(alertOutput)
  .mutation(({ ctx, input }) => transitionAlert(ctx.db, { ...input, action: "reopen", userId: callerOf(ctx).userId }));
