import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { enqueue } from "@/server/jobs";
import { computeTrendingForTenantJob, TRENDING_DEDUPE_KEY } from "@/server/jobs/tasks/compute-trending";

/**
 * Computes the trending topics now instead of at the next hour. One computation per tenant waits
 * or runs at a time: asking again while one does returns it.
 */
export const recomputeTrending = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/insights/trending/recompute" } })
  .input(z.object({}).optional())
  .output(z.object({ jobId: z.uuid() }))
  .mutation(async ({ ctx }) => {
    const jobId = await enqueue(computeTrendingForTenantJob, {}, { db: ctx.db, dedupeKey: TRENDING_DEDUPE_KEY });
    return { jobId };
  });
