import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { notFound } from "@/server/errors/app-error";
import { toJobViews } from "@/server/services/jobs-view/job-views";
import { jobDetailOutput, jobSummarySelect } from "./job-output";

export const getJob = tenantProcedure("tenant:read")
  .meta({ openapi: { method: "GET", path: "/jobs/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(jobDetailOutput)
  .query(async ({ ctx, input }) => {
    const job = await ctx.db.job.findFirst({
      where: { id: input.id },
      select: { ...jobSummarySelect, payload: true, result: true, errorHistory: true },
    });
    if (!job) throw notFound("Job");
    return (await toJobViews(ctx.db, [job]))[0]!;
  });
