// Bulk actions on large filters as a background job of the tenant: one short transaction per
// batch of the same service the request path uses, with the requester as the actor of every
// timeline event and audit row. Registered here, so a process that imports it can run it.
import { z } from "zod";
import { runWithNarrowedContext } from "@/server/context/request-context";
import { defineJob, registerJob } from "@/server/jobs";
import { bulkUpdateCases, bulkUpdateCasesSchema } from "./bulk-update";

export const BULK_UPDATE_CASES_JOB = "cases.bulk-update";

export const bulkUpdateCasesJob = registerJob(
  defineJob({
    type: BULK_UPDATE_CASES_JOB,
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({
      input: bulkUpdateCasesSchema,
      caller: z.object({ userId: z.uuid().nullable(), canReadPii: z.boolean() }),
      actor: z.object({ type: z.enum(["user", "apiKey"]), id: z.string() }),
      /** Matching cases when enqueued, for progress. */
      expected: z.number().int().min(0),
    }),
    // Re-running after a failure is safe: cases already changed are "unchanged" the second time.
    maxAttempts: 3,
    timeoutMs: 30 * 60_000,
    async handler({ input, caller, actor, expected }, { withDb, signal, progress }) {
      return runWithNarrowedContext({ actor }, () =>
        bulkUpdateCases(
          (fn) => {
            signal.throwIfAborted();
            return withDb(fn);
          },
          caller,
          input,
          { onBatch: (soFar) => progress(expected ? (99 * soFar.matched) / expected : 50, `${soFar.matched} of ~${expected} cases`) },
        ),
      );
    },
  }),
);
