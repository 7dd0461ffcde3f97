import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { deleteAlert as deleteAlertService } from "@/server/services/alerts/manage-alerts";

/** Admins only: resolving is how an alert normally ends; deleting removes its history. */
export const deleteAlert = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "DELETE", path: "/alerts/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => deleteAlertService(ctx.db, input.id));
