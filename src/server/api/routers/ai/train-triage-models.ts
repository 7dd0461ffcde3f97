import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { enqueue } from "@/server/jobs";
import { TRAIN_DEDUPE_KEY, trainTriageModelsForTenantJob } from "@/server/services/triage-model/triage-model-jobs";

/** Trains the tenant's models now (they train nightly on their own); one training waits or runs at a time. */
export const trainTriageModels = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "POST", path: "/ai/triage-models/train" } })
  .input(z.object({}).optional())
  .output(z.object({ jobId: z.uuid() }))
  .mutation(async ({ ctx }) => {
    // An admin waits on this one: the default priority, not the nightly run's.
    const jobId = await enqueue(trainTriageModelsForTenantJob, {}, { db: ctx.db, dedupeKey: TRAIN_DEDUPE_KEY, priority: 0 });
    return { jobId };
  });
