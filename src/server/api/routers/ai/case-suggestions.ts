import { tenantProcedure } from "@/server/api/trpc";
import { caseSuggestionsInput, caseSuggestionsOutput, listCaseSuggestions } from "@/server/services/suggestions/case-suggestions";

/** The AI's triage suggestions for a case, with reasons and confidences, and what was decided. */
export const caseSuggestions = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/{caseId}/suggestions" } })
  .input(caseSuggestionsInput)
  .output(caseSuggestionsOutput)
  .query(async ({ ctx, input }) => ({ items: await listCaseSuggestions(ctx.db, input.caseId) }));
