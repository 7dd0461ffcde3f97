import { z } from "zod";
import { reportQuerySchema } from "@/lib/validations/reports";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors/app-error";
import { enqueue } from "@/server/jobs";
import { currentRequester } from "@/server/services/cases/actor";
import { exportReportJob } from "@/server/services/exports/report-export-job";

/** Starts a CSV export of a report (the same question as `report`); the job's result names the file. */
export const exportReport = tenantProcedure("exports:create")
  .meta({ openapi: { method: "POST", path: "/insights/reports/export" } })
  .input(reportQuerySchema)
  .output(z.object({ jobId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const actor = currentRequester();
    if (!actor) throw new AppError("FORBIDDEN", "Exports are started by a member or an API key");
    const jobId = await enqueue(exportReportJob, { query: input, requestedBy: callerOf(ctx).userId, actor }, { db: ctx.db });
    return { jobId };
  });
