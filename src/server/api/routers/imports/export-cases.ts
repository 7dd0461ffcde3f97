import { z } from "zod";
import { caseListQuerySchema } from "@/lib/validations/case-filters";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors/app-error";
import { enqueue } from "@/server/jobs";
import { countBulkTarget } from "@/server/services/cases/bulk-update";
import { exportCasesJob } from "@/server/services/exports/export-job";
import { currentRequester } from "@/server/services/cases/actor";

/** Starts a CSV export of the cases matching the list's filter (and tab); the job's result names the file. */
export const exportCasesProcedure = tenantProcedure("exports:create")
  .meta({ openapi: { method: "POST", path: "/exports/cases" } })
  .input(caseListQuerySchema)
  .output(z.object({ jobId: z.string(), expected: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const caller = callerOf(ctx);
    const actor = currentRequester();
    if (!actor) throw new AppError("FORBIDDEN", "Exports are started by a member or an API key");
    const expected = await countBulkTarget(ctx.db, caller, { filter: input });
    const jobId = await enqueue(exportCasesJob, { filter: input, caller, actor, expected }, { db: ctx.db });
    return { jobId, expected };
  });
