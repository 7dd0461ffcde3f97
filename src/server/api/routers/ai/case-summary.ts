import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { caseSummaryView, readCaseSummary } from "@/server/services/suggestions/case-summary";

/** The AI's summary of a long case thread (what the customer wants, key points, next step), or null. */
export const caseSummary = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/{caseId}/summary" } })
  .input(z.object({ caseId: z.uuid() }))
  .output(z.object({ summary: caseSummaryView }))
  .query(async ({ ctx, input }) => ({ summary: await readCaseSummary(ctx.db, input.caseId) }));
