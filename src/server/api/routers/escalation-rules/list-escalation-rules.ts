import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { escalationRuleOutput, listEscalationRules as listEscalationRulesService } from "@/server/services/escalations/rules";

/** Every member who reads cases may see why a case was escalated. */
export const listEscalationRules = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/escalation-rules" } })
  .output(z.array(escalationRuleOutput))
  .query(({ ctx }) => listEscalationRulesService(ctx.db));
