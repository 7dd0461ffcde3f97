import { updateAlertSchema } from "@/lib/validations/alert";
import { tenantProcedure } from "@/server/api/trpc";
import { alertOutput } from "@/server/services/alerts/alert-select";
import { updateAlert as updateAlertService } from "@/server/services/alerts/manage-alerts";

/** Content and classification; status and routing have their own procedures. */
export const updateAlert = tenantProcedure("alerts:manage")
  .meta({ openapi: { method: "PATCH", path: "/alerts/{id}" } })
  .input(updateAlertSchema)
  .output(alertOutput)
  .mutation(({ ctx, input }) => updateAlertService(ctx.db, input));
