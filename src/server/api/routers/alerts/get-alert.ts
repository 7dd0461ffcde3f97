import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { alertDetailOutput, loadAlertDetail } from "@/server/services/alerts/alert-detail";

export const getAlert = tenantProcedure("alerts:read")
  .meta({ openapi: { method: "GET", path: "/alerts/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(alertDetailOutput)
  .query(({ ctx, input }) => loadAlertDetail(ctx.db, input.id));
