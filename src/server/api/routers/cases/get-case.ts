import { z } from "zod";
import { caseNumberSchema } from "@/lib/validations/case";
import { tenantProcedure } from "@/server/api/trpc";
import { notFound } from "@/server/errors/app-error";
import { caseDetailOutput, caseDetailSelect } from "@/server/services/cases/case-select";

export const getCaseInput = z.union([z.object({ id: z.uuid() }), z.object({ number: caseNumberSchema })]);

export const getCase = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/{id}" } })
  .input(getCaseInput)
  .output(caseDetailOutput)
  .query(async ({ ctx, input }) => {
    const row = await ctx.db.case.findFirst({
      where: "id" in input ? { id: input.id } : { number: input.number },
      select: caseDetailSelect,
    });
    if (!row) throw notFound("Case");
    return row;
  });
