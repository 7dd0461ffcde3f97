import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { learnedSuggestionOutput, learnedTriageInput } from "@/lib/validations/triage-model";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { MIN_SUGGESTION_CONFIDENCE } from "@/server/services/triage-model/learned-suggestions";
import { predictText } from "@/server/services/triage-model/predict-triage";

/**
 * What the tenant's learned models make of a case being written (the new-case form asks as the
 * member types): the likeliest category, business unit and priority with their confidence, those
 * below the suggestion floor left out. Nothing when the tenant has no model yet. Reads only.
 */
export const learnedTriage = tenantProcedure("cases:write")
  .meta({ openapi: { method: "GET", path: "/ai/learned-triage" } })
  .input(learnedTriageInput)
  .output(z.object({ items: z.array(learnedSuggestionOutput) }))
  .query(async ({ ctx, input }) => {
    const body = `${input.title} ${input.description}`;
    const items = await predictText(ctx.db, body, await loadTenantSettings(ctx.db));
    return { items: items.filter((s) => s.confidence >= MIN_SUGGESTION_CONFIDENCE) };
  });
