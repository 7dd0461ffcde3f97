import { deescalateCaseSchema } from "@/lib/validations/escalation";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { deescalateCase as deescalateCaseService } from "@/server/services/escalations/escalate-case";

export const deescalateCaseInput = deescalateCaseSchema;

/** Takes an escalation back (the timeline records it, with the reason if given). */
export const deescalateCase = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/deescalate" } })
  .input(deescalateCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => deescalateCaseService(ctx.db, callerOf(ctx), input));
