// The cases export as a background job of its tenant, acting as the requester (so "me" and the
// Mine tab mean them). The finished CSV becomes a StoredFile (purpose "export") named in the
// job's result; the export is audited once the file exists.
import { z } from "zod";
import { caseListQuerySchema } from "@/lib/validations/case-filters";
import { runWithNarrowedContext } from "@/server/context/request-context";
import { defineJob, registerJob } from "@/server/jobs";
import { getStorage } from "@/server/storage";
import { storeExportFile } from "./store-export";
import { exportCases } from "./export-cases";

export const EXPORT_CASES_JOB = "exports.cases";

export const exportCasesJob = registerJob(
  defineJob({
    type: EXPORT_CASES_JOB,
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({
      filter: caseListQuerySchema,
      caller: z.object({ userId: z.uuid().nullable(), canReadPii: z.boolean() }),
      actor: z.object({ type: z.enum(["user", "apiKey"]), id: z.string() }),
      /** Matching cases when enqueued, for progress. */
      expected: z.number().int().min(0),
    }),
    // Re-running is harmless: nothing is stored until the file is complete.
    maxAttempts: 3,
    timeoutMs: 30 * 60_000,
    async handler({ filter, caller, actor, expected }, { withDb, signal, progress, job }) {
      return runWithNarrowedContext({ actor }, async () => {
        const writer = await exportCases(withDb, caller, filter, {
          signal,
          onBatch: (rows) => progress(expected ? Math.min(95, (95 * rows) / expected) : 50, `${rows} of ~${expected} cases`),
        });
        const rows = writer.rows;
        const stored = await writer.store(getStorage());
        const filename = `cases-${new Date().toISOString().slice(0, 10)}.csv`;
        const fileId = await withDb((db) =>
          storeExportFile(db, { stored, filename, jobId: job.id, createdById: caller.userId }, { entity: "cases", rows, filter }),
        );
        return { fileId, rows, filename };
      });
    },
  }),
);
