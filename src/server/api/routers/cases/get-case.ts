import { z } from "zod";
import { caseNumberSchema } from "@/lib/validations/case";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { loadCaseDetail } from "@/server/services/cases/load-case";

export const getCaseInput = z.union([z.object({ id: z.uuid() }), z.object({ number: caseNumberSchema })]);

export const getCase = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/{id}" } })
  .input(getCaseInput)
  .output(caseDetailOutput)
  .query(({ ctx, input }) => loadCaseDetail(ctx.db, "id" in input ? { id: input.id } : { number: input.number }, callerOf(ctx)));
