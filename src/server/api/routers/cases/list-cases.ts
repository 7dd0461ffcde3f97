import { z } from "zod";
import { text } from "@/lib/validations/text";
import { caseListQuerySchema } from "@/lib/validations/case-filters";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseSummaryOutput } from "@/server/services/cases/case-select";
import { listCases as listCasesService } from "@/server/services/cases/list-cases";

export const listCasesInput = caseListQuerySchema.extend({
  limit: z.number().int().min(1).max(100).default(25),
  /** nextCursor or prevCursor of a page (opaque; valid only with the same sort and order). */
  cursor: text().max(500).nullish(),
});

export const listCasesOutput = z.object({
  items: z.array(caseSummaryOutput),
  nextCursor: z.string().nullable(),
  /** The page before this one; null on the first page. */
  prevCursor: z.string().nullable(),
});

export const listCases = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases" } })
  .input(listCasesInput)
  .output(listCasesOutput)
  .query(({ ctx, input }) => listCasesService(ctx.db, callerOf(ctx), input));
