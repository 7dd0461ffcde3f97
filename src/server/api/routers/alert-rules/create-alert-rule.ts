import { createAlertRuleSchema } from "@/lib/validations/alert-rule";
import { tenantProcedure } from "@/server/api/trpc";
import { createAlertRule as createAlertRuleService } from "@/server/services/alert-rules/manage-rules";
import { alertRuleOutput } from "@/server/services/alert-rules/rule-output";

export const createAlertRuleInput = createAlertRuleSchema;

export const createAlertRule = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/alert-rules" } })
  .input(createAlertRuleInput)
  .output(alertRuleOutput)
  .mutation(({ ctx, input }) => createAlertRuleService(ctx.db, input));
