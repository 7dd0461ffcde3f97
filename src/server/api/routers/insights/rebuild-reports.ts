import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { enqueue } from "@/server/jobs";
import { countRollupsForTenantJob, REBUILD_DEDUPE_KEY } from "@/server/jobs/tasks/count-report-rollups";

/**
 * Counts every case into the report rollups again (a repair: the rollups follow the cases on their
 * own). One rebuild per tenant waits or runs at a time; a counting running beside it adds
 * nothing twice (each case's counted values are kept, and only differences are added).
 */
export const rebuildReports = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/insights/reports/rebuild" } })
  .input(z.object({}).optional())
  .output(z.object({ jobId: z.uuid() }))
  .mutation(async ({ ctx }) => {
    const jobId = await enqueue(countRollupsForTenantJob, { rebuild: true }, { db: ctx.db, dedupeKey: REBUILD_DEDUPE_KEY });
    return { jobId };
  });
