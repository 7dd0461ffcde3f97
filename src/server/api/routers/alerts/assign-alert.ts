import { assignAlertSchema } from "@/lib/validations/alert";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { alertOutput } from "@/server/services/alerts/alert-select";
import { assignAlert as assignAlertService } from "@/server/services/alerts/assign-alert";

/** A member ("me" for oneself), a team, both, or null to clear either; the new assignee (or team) is told. */
export const assignAlert = tenantProcedure("alerts:manage")
  .meta({ openapi: { method: "POST", path: "/alerts/{id}/assign" } })
  .input(assignAlertSchema)
  .output(alertOutput)
  .mutation(({ ctx, input }) => assignAlertService(ctx.db, callerOf(ctx).userId, input));
