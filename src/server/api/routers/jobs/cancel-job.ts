import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { recordAudit } from "@/server/audit";
import { cancelJob as cancelJobInQueue } from "@/server/jobs";
import { JOB_STATUSES } from "./job-output";

export const cancelJob = tenantProcedure("jobs:manage")
  .meta({ openapi: { method: "POST", path: "/jobs/{id}/cancel" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string(), status: z.enum(JOB_STATUSES) }))
  .mutation(async ({ ctx, input }) => {
    const status = await cancelJobInQueue(input.id, { db: ctx.db });
    await recordAudit(ctx.db, { action: "job.cancelled", targetType: "job", targetId: input.id, diff: { status } });
    return { id: input.id, status };
  });
