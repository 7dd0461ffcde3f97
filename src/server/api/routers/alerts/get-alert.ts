import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { alertOutput, loadAlert } from "@/server/services/alerts/alert-select";

export const getAlert = tenantProcedure("alerts:read")
  .meta({ openapi: { method: "GET", path: "/alerts/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(alertOutput)
  .query(({ ctx, input }) => loadAlert(ctx.db, input.id));
