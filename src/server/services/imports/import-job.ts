// The import as a background job of its tenant. One attempt only: a failed import is reported
// as FAILED with the counts so far, and running the file again is safe (rows already imported
// count as duplicates). Cancelling aborts the handler's signal (the current batch still commits).
// A run that stops without failing (its worker shut down, or died and its lease expired) leaves
// the import RUNNING; the job goes back to the queue and the next run continues from the
// import's saved counts (its checkpoint), so the counts stay true.
import { z } from "zod";
import { importEntitySchema, importMappingSchema } from "@/lib/validations/import";
import { recordAudit } from "@/server/audit";
import { runWithNarrowedContext } from "@/server/context/request-context";
import { defineJob, JobAbortedError, PermanentJobError, registerJob } from "@/server/jobs";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { getStorage } from "@/server/storage";
import { runImport, type ImportCounts } from "./run-import";
import { fileExpiry } from "@/server/services/files/retention";
import { postImportFinished } from "@/server/services/feed/feed-events";

export const IMPORT_JOB = "imports.run";

export const importJob = registerJob(
  defineJob({
    type: IMPORT_JOB,
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({
      importId: z.uuid(),
      createdById: z.uuid().nullable(),
      actor: z.object({ type: z.enum(["user", "apiKey"]), id: z.string() }),
    }),
    maxAttempts: 1,
    timeoutMs: 60 * 60_000,
    async handler({ importId, createdById, actor }, { withDb, signal, progress, job }) {
      return runWithNarrowedContext({ actor }, async () => {
        const loaded = await withDb(async (db) => {
          const row = await db.import.findFirst({
            where: { id: importId },
            select: {
              id: true,
              entity: true,
              mapping: true,
              status: true,
              fileId: true,
              totalRows: true,
              importedRows: true,
              duplicateRows: true,
              rejectedRows: true,
              rejectsFileId: true,
            },
          });
          if (!row) return null;
          const file = await db.storedFile.findFirst({ where: { id: row.fileId }, select: { storageKey: true, sha256: true, size: true } });
          if (file && row.status !== "SUCCEEDED") await db.import.update({ where: tenantKey(importId), data: { status: "RUNNING" } });
          return file ? { row, file } : null;
        });
        if (!loaded) throw new PermanentJobError("The import or its file no longer exists");
        const { totalRows, importedRows, duplicateRows, rejectedRows } = loaded.row;
        const checkpoint = { totalRows, importedRows, duplicateRows, rejectedRows };
        // Finished by a run that stopped before its job was marked done: nothing left to do.
        if (loaded.row.status === "SUCCEEDED") return { ...checkpoint, rejectsFileId: loaded.row.rejectsFileId };
        const entity = importEntitySchema.parse(loaded.row.entity);
        const storage = getStorage();
        const finish = (status: string, counts: Partial<ImportCounts>, rejectsFileId: string | null) =>
          withDb(async (db) => {
            await db.import.update({ where: tenantKey(importId), data: { status, ...counts, rejectsFileId } });
            await recordAudit(db, { action: "import.finished", targetType: "import", targetId: importId, diff: { status, entity, ...counts } });
            await postImportFinished(db, { id: importId, entity, status, counts });
          });
        try {
          progress(0, "Reading the file");
          const result = await runImport(
            {
              importId,
              entity,
              mapping: importMappingSchema.parse(loaded.row.mapping),
              file: { storageKey: loaded.file.storageKey, sha256: loaded.file.sha256, size: Number(loaded.file.size) },
              createdById,
              checkpoint,
            },
            { withDb, storage, signal, progress },
          );
          const { rejects, ...counts } = result;
          let rejectsFileId: string | null = null;
          if (rejects) {
            const stored = await rejects.store(storage);
            rejectsFileId = await withDb(async (db) => {
              const file = await db.storedFile.create({
                data: {
                  tenantId: requireTenantId(),
                  purpose: "import-rejects",
                  expiresAt: fileExpiry("import-rejects"),
                  filename: `rejected-rows-${importId}.csv`,
                  contentType: "text/csv",
                  size: BigInt(stored.size),
                  sha256: stored.sha256,
                  storageKey: stored.key,
                  jobId: job.id,
                  createdById,
                },
                select: { id: true },
              });
              return file.id;
            });
          }
          await finish("SUCCEEDED", counts, rejectsFileId);
          progress(100, `${counts.importedRows} imported, ${counts.duplicateRows} duplicates, ${counts.rejectedRows} rejected`);
          return { ...counts, rejectsFileId };
        } catch (error) {
          const reason = error instanceof JobAbortedError ? error.reason : null;
          // Stopped, not failed: the job goes back to the queue and resumes from the saved counts.
          if (reason === "shutdown" || reason === "lease-lost") throw error;
          // Counts were saved with each batch; only the status is left to say.
          await finish(reason === "cancelled" ? "CANCELLED" : "FAILED", {}, null).catch(() => undefined);
          throw error;
        }
      });
    },
  }),
);
