import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { IMPORT_STATUSES } from "@/lib/validations/import";
import { recordAudit } from "@/server/audit";
import { AppError, notFound } from "@/server/errors/app-error";
import { cancelJob } from "@/server/jobs";
import { tenantKey } from "@/server/db/tenant-scope";

/**
 * Cancels an import. Waiting for a mapping or queued: cancelled at once. Running: the job's
 * signal stops it after the current batch; rows already written stay (re-running skips them).
 */
export const cancelImport = tenantProcedure("imports:create")
  .meta({ openapi: { method: "POST", path: "/imports/{id}/cancel" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string(), status: z.enum(IMPORT_STATUSES) }))
  .mutation(async ({ ctx, input }) => {
    const row = await ctx.db.import.findFirst({ where: { id: input.id }, select: { id: true, status: true, jobId: true } });
    if (!row) throw notFound("Import");
    if (!["UPLOADED", "QUEUED", "RUNNING"].includes(row.status)) {
      throw new AppError("CONFLICT", "This import has already finished", { reason: "IMPORT_FINISHED", status: row.status });
    }
    const jobStatus = row.jobId ? await cancelJob(row.jobId, { db: ctx.db }) : null;
    // A running job records CANCELLED itself when it stops; anything else is cancelled now.
    const status = jobStatus === "RUNNING" ? "RUNNING" : "CANCELLED";
    if (status === "CANCELLED") await ctx.db.import.update({ where: tenantKey(row.id), data: { status } });
    await recordAudit(ctx.db, { action: "import.cancelled", targetType: "import", targetId: row.id, diff: { status: row.status } });
    return { id: row.id, status };
  });
