import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { suggestionOutput } from "@/server/services/suggestions/suggestion-fields";
import { decideSuggestion, decideSuggestionInput } from "@/server/services/suggestions/case-suggestions";

/** Accepts (applies to the case, at the version read) or dismisses a triage suggestion. */
export const decide = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{caseId}/suggestions/{suggestionId}" } })
  .input(decideSuggestionInput)
  .output(z.object({ suggestion: suggestionOutput, case: caseDetailOutput.nullable() }))
  .mutation(({ ctx, input }) => decideSuggestion(ctx.db, callerOf(ctx), input));
