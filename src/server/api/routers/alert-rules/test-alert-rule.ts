import { z } from "zod";
import { testAlertRuleSchema } from "@/lib/validations/alert-rule";
import { tenantProcedure } from "@/server/api/trpc";
import { testAlertRule as testAlertRuleService } from "@/server/services/alert-rules/test-rule";

export const testAlertRuleInput = testAlertRuleSchema;

const testAlertRuleOutput = z.object({
  /** Oldest first; each at an hour boundary, the cool-down applied. */
  firings: z.array(z.object({ at: z.date(), value: z.number(), baseline: z.number().optional(), sampleCaseIds: z.array(z.string()) })),
  evaluatedPoints: z.number().int(),
});

/** Reads only, but takes a whole rule definition, hence POST; settings managers test what they save. */
export const testAlertRule = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/alert-rules/test" } })
  .input(testAlertRuleInput)
  .output(testAlertRuleOutput)
  .mutation(({ ctx, input }) => testAlertRuleService(ctx.db, input));
