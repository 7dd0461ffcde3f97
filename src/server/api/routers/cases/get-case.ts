import { z } from "zod";
import { caseNumberSchema } from "@/lib/validations/case";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { loadCaseDetail } from "@/server/services/cases/load-case";

// One object with a rule rather than a union of two, so the REST surface can describe it.
export const getCaseInput = z
  .object({ id: z.uuid().optional(), number: caseNumberSchema.optional() })
  .refine((v) => (v.id === undefined) !== (v.number === undefined), { message: "Give either id or number", path: ["id"] });

export const getCase = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/lookup", summary: "One case, by id or by number (?id=… or ?number=1042)" } })
  .input(getCaseInput)
  .output(caseDetailOutput)
  .query(({ ctx, input }) => loadCaseDetail(ctx.db, input.id ? { id: input.id } : { number: input.number! }, callerOf(ctx)));
