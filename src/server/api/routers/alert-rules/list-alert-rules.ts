import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { listAlertRules as listAlertRulesService } from "@/server/services/alert-rules/manage-rules";
import { alertRuleOutput } from "@/server/services/alert-rules/rule-output";

/** Everyone who reads alerts may see the rules that fire them. */
export const listAlertRules = tenantProcedure("alerts:read")
  .meta({ openapi: { method: "GET", path: "/alert-rules" } })
  .output(z.array(alertRuleOutput))
  .query(({ ctx }) => listAlertRulesService(ctx.db));
