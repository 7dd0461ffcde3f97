import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { triageModelOutput } from "@/lib/validations/triage-model";
import { trainTriageModelsForTenantJob } from "@/server/services/triage-model/triage-model-jobs";
import { loadModels } from "@/server/services/triage-model/predict-triage";
import { TRIAGE_FIELDS } from "@/server/services/triage-model/triage-fields";

/**
 * The tenant's learned models, one per field that has one: when trained, on how many cases, how
 * often right on the cases held out, and how often right above each confidence (what an admin
 * needs to pick an auto-apply threshold); with the training waiting or running, if any.
 */
export const triageModels = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "GET", path: "/ai/triage-models" } })
  .input(z.object({}).optional())
  .output(z.object({ items: z.array(triageModelOutput), training: z.object({ jobId: z.uuid(), status: z.string() }).nullable() }))
  .query(async ({ ctx }) => {
    const [models, job] = await Promise.all([
      loadModels(ctx.db),
      ctx.db.job.findFirst({
        where: { type: trainTriageModelsForTenantJob.type, status: { in: ["PENDING", "RUNNING", "FAILED"] } },
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true },
      }),
    ]);
    const items = models
      .sort((x, y) => TRIAGE_FIELDS.indexOf(x.field) - TRIAGE_FIELDS.indexOf(y.field))
      .map((m) => ({
        field: m.field,
        trainedAt: m.trainedAt,
        language: m.language,
        examples: m.examples,
        heldOut: m.heldOut,
        accuracy: m.heldOut ? m.correct / m.heldOut : null,
        vocabulary: m.vocabulary,
        values: m.labels.map((l) => ({ value: l.value, cases: l.cases })).sort((x, y) => y.cases - x.cases),
        calibration: m.calibration,
      }));
    return { items, training: job ? { jobId: job.id, status: job.status } : null };
  });
