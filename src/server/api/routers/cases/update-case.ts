import { updateCaseSchema } from "@/lib/validations/case";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { updateCase as updateCaseService } from "@/server/services/cases/update-case";

/** Stale `version` → CONFLICT with details.current (the case as it now is). */
export const updateCase = tenantProcedure("cases:write")
  .meta({ openapi: { method: "PATCH", path: "/cases/{id}" } })
  .input(updateCaseSchema)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => updateCaseService(ctx.db, callerOf(ctx), input));
