import { escalateCaseSchema } from "@/lib/validations/escalation";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { escalateCase as escalateCaseService } from "@/server/services/escalations/escalate-case";

export const escalateCaseInput = escalateCaseSchema;

/** To one of the tenant's levels, with a reason; the target team (or the admins) is notified. */
export const escalateCase = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/escalate" } })
  .input(escalateCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => escalateCaseService(ctx.db, callerOf(ctx), input));
