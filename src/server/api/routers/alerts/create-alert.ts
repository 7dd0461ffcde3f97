import { z } from "zod";
import { createAlertSchema } from "@/lib/validations/alert";
import { tenantProcedure } from "@/server/api/trpc";
import { alertOutput } from "@/server/services/alerts/alert-select";
import { createAlert as createAlertService } from "@/server/services/alerts/manage-alerts";

/**
 * Raised by a person or a script (source API). With a dedupeKey an existing alert of that key
 * recurs instead (occurrences + 1, reopened when resolved); `outcome` says which happened.
 */
export const createAlert = tenantProcedure("alerts:manage")
  .meta({ openapi: { method: "POST", path: "/alerts" } })
  .input(createAlertSchema)
  .output(z.object({ outcome: z.enum(["created", "recurred"]), alert: alertOutput }))
  .mutation(({ ctx, input }) => createAlertService(ctx.db, input));
