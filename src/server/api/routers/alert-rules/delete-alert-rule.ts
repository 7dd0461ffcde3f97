import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { deleteAlertRule as deleteAlertRuleService } from "@/server/services/alert-rules/manage-rules";

export const deleteAlertRuleInput = z.object({ id: z.uuid() });

export const deleteAlertRule = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "DELETE", path: "/alert-rules/{id}" } })
  .input(deleteAlertRuleInput)
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => deleteAlertRuleService(ctx.db, input.id));
