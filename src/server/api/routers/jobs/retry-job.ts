import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { recordAudit } from "@/server/audit";
import { retryJob as retryJobInQueue } from "@/server/jobs";
import { JOB_STATUSES } from "./job-output";

export const retryJob = tenantProcedure("jobs:manage")
  .meta({ openapi: { method: "POST", path: "/jobs/{id}/retry" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string(), status: z.enum(JOB_STATUSES) }))
  .mutation(async ({ ctx, input }) => {
    const status = await retryJobInQueue(input.id, { db: ctx.db });
    await recordAudit(ctx.db, { action: "job.retried", targetType: "job", targetId: input.id, diff: { status } });
    return { id: input.id, status };
  });
