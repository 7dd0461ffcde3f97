import { updateEscalationRuleSchema } from "@/lib/validations/escalation";
import { tenantProcedure } from "@/server/api/trpc";
import { escalationRuleOutput, updateEscalationRule as updateEscalationRuleService } from "@/server/services/escalations/rules";

export const updateEscalationRuleInput = updateEscalationRuleSchema;

export const updateEscalationRule = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "PATCH", path: "/escalation-rules/{id}" } })
  .input(updateEscalationRuleInput)
  .output(escalationRuleOutput)
  .mutation(({ ctx, input }) => updateEscalationRuleService(ctx.db, input));
