import { updateAlertRuleSchema } from "@/lib/validations/alert-rule";
import { tenantProcedure } from "@/server/api/trpc";
import { updateAlertRule as updateAlertRuleService } from "@/server/services/alert-rules/manage-rules";
import { alertRuleOutput } from "@/server/services/alert-rules/rule-output";

export const updateAlertRuleInput = updateAlertRuleSchema;

export const updateAlertRule = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "PATCH", path: "/alert-rules/{id}" } })
  .input(updateAlertRuleInput)
  .output(alertRuleOutput)
  .mutation(({ ctx, input }) => updateAlertRuleService(ctx.db, input));
