import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { enqueue } from "@/server/jobs";
import {
  BULK_INLINE_LIMIT,
  bulkUpdateCases as bulkUpdateCasesService,
  bulkUpdateCasesSchema,
  checkBulkAction,
  countBulkTarget,
} from "@/server/services/cases/bulk-update";
import { bulkUpdateCasesJob } from "@/server/services/cases/bulk-update-job";
import { currentRequester } from "@/server/services/cases/actor";

const counts = {
  matched: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  skippedReasons: z.object({ refusedTransition: z.number().int(), unchanged: z.number().int() }),
  refusedByStatus: z.record(z.string(), z.number().int()),
};

export const bulkUpdateCasesOutput = z.discriminatedUnion("status", [
  /** Done in this request; the counts are final. */
  z.object({
    status: z.literal("done"),
    ...counts,
    /** Each case changed and the version the change left: an undo names it (cases.transition with revert, cases.assign, cases.update). */
    changed: z.array(z.object({ id: z.string(), version: z.number().int() })),
  }),
  /** More than BULK_INLINE_LIMIT cases: running as a job, whose result holds the same counts. */
  z.object({ status: z.literal("queued"), jobId: z.string(), matched: z.number().int() }),
]);

export const bulkUpdateCases = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/bulk" } })
  .input(bulkUpdateCasesSchema)
  .output(bulkUpdateCasesOutput)
  .mutation(async ({ ctx, input }) => {
    const caller = callerOf(ctx);
    await checkBulkAction(ctx.db, caller, input);
    const matched = "ids" in input.target ? input.target.ids.length : await countBulkTarget(ctx.db, caller, input.target);
    const actor = currentRequester();
    if (matched > BULK_INLINE_LIMIT && actor) {
      // The job carries the requester ("me", the Mine tab) and acts as them, whoever runs it.
      const jobId = await enqueue(bulkUpdateCasesJob, { input, caller, actor, expected: matched }, { db: ctx.db });
      return { status: "queued" as const, jobId, matched };
    }
    // Small enough for the request: its own transaction serves every batch, all or nothing.
    const result = await bulkUpdateCasesService((fn) => fn(ctx.db), caller, input, { collectChanged: true, notifyAssignees: true });
    return { status: "done" as const, ...result, changed: result.changed ?? [] };
  });
