import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { AppError, notFound } from "@/server/errors/app-error";
import { aiAvailable } from "@/server/ai/provider";
import { enqueue } from "@/server/jobs";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { triageCaseJob } from "@/server/services/suggestions/triage-job";

/** Asks for a (new) triage of a case in the background; suggestions arrive on the case when it is done. */
export const triage = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{caseId}/triage" } })
  .input(z.object({ caseId: z.uuid() }))
  .output(z.object({ jobId: z.uuid() }))
  .mutation(async ({ ctx, input }) => {
    const found = await ctx.db.case.findFirst({ where: { id: input.caseId }, select: { id: true } });
    if (!found) throw notFound("Case");
    if (!aiAvailable()) throw new AppError("PRECONDITION_FAILED", "AI assist is not set up on this server", { reason: "AI_UNAVAILABLE" });
    if (!(await loadTenantSettings(ctx.db)).ai.enabled) throw new AppError("FORBIDDEN", "AI assist is turned off for this organisation", { reason: "AI_DISABLED" });
    // One triage of a case at a time: asking again while one waits returns it.
    const jobId = await enqueue(triageCaseJob, { caseId: input.caseId }, { db: ctx.db, dedupeKey: `triage:${input.caseId}` });
    return { jobId };
  });
