import { transitionCaseSchema } from "@/lib/validations/case";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { transitionCase as transitionCaseService } from "@/server/services/cases/transition-case";

/** A status change the machine (src/lib/case-status.ts) refuses → BAD_REQUEST, reason TRANSITION_REFUSED. */
export const transitionCase = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/transition" } })
  .input(transitionCaseSchema)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => transitionCaseService(ctx.db, callerOf(ctx), input));
