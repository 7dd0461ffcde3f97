import { alertTransitionSchema } from "@/lib/validations/alert";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { alertOutput } from "@/server/services/alerts/alert-select";
import { transitionAlert } from "@/server/services/alerts/alert-lifecycle";

/** ACTIVE → ACKNOWLEDGED: someone is on it. Otherwise CONFLICT, reason INVALID_TRANSITION. */
export const acknowledgeAlert = tenantProcedure("alerts:manage")
  .meta({ openapi: { method: "POST", path: "/alerts/{id}/acknowledge" } })
  .input(alertTransitionSchema)
  .output(alertOutput)
  .mutation(({ ctx, input }) => transitionAlert(ctx.db, { ...input, action: "acknowledge", userId: callerOf(ctx).userId }));
