import { createCaseSchema } from "@/lib/validations/case";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { createCase as createCaseService } from "@/server/services/cases/create-case";
import { caseDetailOutput } from "@/server/services/cases/case-select";

export const createCase = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases" } })
  .input(createCaseSchema)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => createCaseService(ctx.db, callerOf(ctx), input));
