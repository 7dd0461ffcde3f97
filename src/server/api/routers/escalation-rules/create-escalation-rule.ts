import { createEscalationRuleSchema } from "@/lib/validations/escalation";
import { tenantProcedure } from "@/server/api/trpc";
import { createEscalationRule as createEscalationRuleService, escalationRuleOutput } from "@/server/services/escalations/rules";

export const createEscalationRuleInput = createEscalationRuleSchema;

export const createEscalationRule = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/escalation-rules" } })
  .input(createEscalationRuleInput)
  .output(escalationRuleOutput)
  .mutation(({ ctx, input }) => createEscalationRuleService(ctx.db, input));
