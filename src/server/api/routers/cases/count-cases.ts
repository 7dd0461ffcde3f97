import { z } from "zod";
import { caseListQuerySchema } from "@/lib/validations/case-filters";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { countCaseTabs } from "@/server/services/cases/list-cases";

/** The list's query (all optional); its tab and sort are ignored, since the counts are of every tab. */
export const countCasesInput = caseListQuerySchema.optional();

export const countCases = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/counts" } })
  .input(countCasesInput)
  .output(z.object({ mine: z.number().int(), my_teams: z.number().int(), unassigned: z.number().int(), all: z.number().int() }))
  .query(({ ctx, input }) => countCaseTabs(ctx.db, callerOf(ctx), input ?? caseListQuerySchema.parse({})));
