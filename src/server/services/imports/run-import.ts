// Runs an import: streams the stored CSV through csv-parse, maps and validates every row, writes
// valid rows in batches (one short tenant transaction each, which also saves the counts so far,
// so counts and rows always agree), collects refused rows with their reason into a CSV of their
// own, and reports progress. Counts are exact: total = imported + duplicates + rejected.
//
// The counts saved with each batch are also the import's checkpoint: batches cover consecutive
// rows, so `totalRows` is the number of data rows already done. A run that resumes (its runner
// died or was stopped) starts from the saved counts and writes only the rows after them; the rows
// before are read again only to rebuild the rejected-rows file (checked, never written).
//
// A cancel or shutdown (the signal) ends the parser with the signal's reason, so the loop over
// the rows stops at once; every stream is destroyed and the rejects file discarded before the
// error is rethrown.
import { parse } from "csv-parse";
import { JobAbortedError } from "@/server/jobs";
import type { ImportEntity, ImportMapping } from "@/lib/validations/import";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import type { FileStorage } from "@/server/storage";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { CsvFileWriter } from "@/server/services/csv/writer";
import { rowMapper, type CaseCandidate, type Candidate, type CustomerCandidate } from "./map-row";
import { loadMembersByEmail, writeCaseBatch, writeCustomerBatch, type CaseImportSettings, type PendingRow } from "./write-batch";

export const IMPORT_BATCH_SIZE = 500;

export interface ImportCounts {
  totalRows: number;
  importedRows: number;
  duplicateRows: number;
  rejectedRows: number;
}

export interface RunImportInput {
  importId: string;
  entity: ImportEntity;
  mapping: ImportMapping;
  file: { storageKey: string; sha256: string; size: number };
  createdById: string | null;
  /** The counts saved by an earlier run of this import; its first `totalRows` rows are done. */
  checkpoint?: ImportCounts;
}

export interface RunImportDeps {
  withDb: <T>(fn: (db: TenantDb) => Promise<T>) => Promise<T>;
  storage: FileStorage;
  signal: AbortSignal;
  progress: (percent: number, stage?: string) => void;
  batchSize?: number;
}

export interface RunImportResult extends ImportCounts {
  /** The rejected rows' CSV, when there were any; stored by the caller as a StoredFile. */
  rejects: CsvFileWriter | null;
}

export async function runImport(input: RunImportInput, deps: RunImportDeps): Promise<RunImportResult> {
  const batchSize = deps.batchSize ?? IMPORT_BATCH_SIZE;
  const counts: ImportCounts = { totalRows: 0, importedRows: 0, duplicateRows: 0, rejectedRows: 0, ...input.checkpoint };
  const resumeAfter = counts.totalRows;
  const caseSettings: CaseImportSettings | null =
    input.entity === "cases"
      ? await deps.withDb(async (db) => ({
          tenantId: requireTenantId(),
          settings: await loadTenantSettings(db),
          members: await loadMembersByEmail(db),
          createdById: input.createdById,
        }))
      : null;

  deps.signal.throwIfAborted();
  const source = await deps.storage.get(input.file.storageKey);
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
  // .pipe() forwards neither errors nor a destroy: end the parser ourselves, so that the loop
  // below always ends (with the reason) instead of waiting for rows that never come.
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  const abort = () => {
    parser.destroy(deps.signal.reason instanceof Error ? deps.signal.reason : new Error(String(deps.signal.reason)));
    source.destroy();
  };
  deps.signal.addEventListener("abort", abort, { once: true });

  let headers: string[] | null = null;
  let mapRow: ReturnType<typeof rowMapper> | null = null;
  let rejects: CsvFileWriter | null = null;
  let pending: PendingRow<Candidate>[] = [];
  let batchRejects: { row: number; record: string[]; error: string }[] = [];
  let row = 0;

  const flush = async () => {
    deps.signal.throwIfAborted();
    const rows = pending;
    const refused = batchRejects;
    pending = [];
    batchRejects = [];
    if (row <= resumeAfter && resumeAfter > 0) {
      // Done by an earlier run: its counts are saved; only its refused rows are wanted again.
      if (input.entity === "cases" && rows.length > 0) {
        const outcome = await deps.withDb((db) => writeCaseBatch(db, caseSettings!, rows as PendingRow<CaseCandidate>[], { checkOnly: true }));
        refused.push(...outcome.rejected);
      }
    } else await deps.withDb(async (db) => {
      const before = counts.totalRows;
      const outcome =
        input.entity === "cases"
          ? await writeCaseBatch(db, caseSettings!, rows as PendingRow<CaseCandidate>[])
          : await writeCustomerBatch(db, requireTenantId(), rows as PendingRow<CustomerCandidate>[]);
      refused.push(...outcome.rejected);
      counts.totalRows += rows.length + refused.length - outcome.rejected.length;
      counts.importedRows += outcome.imported;
      counts.duplicateRows += outcome.duplicates;
      counts.rejectedRows += refused.length;
      // Compare-and-set on the checkpoint: a run that lost its lease while a batch was under way
      // (its runner stalled; another resumed the import) must not commit that batch or its counts.
      const { count } = await db.import.updateMany({ where: { id: input.importId, totalRows: before }, data: { ...counts } });
      if (count !== 1) throw new JobAbortedError("lease-lost");
    });
    refused.sort((a, b) => a.row - b.row);
    for (const r of refused) {
      rejects ??= new CsvFileWriter([...headers!, "error"]);
      await rejects.write([...headers!.map((_, i) => r.record[i] ?? ""), r.error]);
    }
    const percent = input.file.size > 0 ? (99 * parser.info.bytes) / input.file.size : 99;
    deps.progress(Math.min(99, percent), `${counts.totalRows} rows: ${counts.importedRows} imported, ${counts.rejectedRows} rejected`);
  };

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!headers) {
        headers = record.map((h) => h.trim());
        mapRow = rowMapper(input.entity, headers, input.mapping);
        continue;
      }
      row += 1;
      const mapped = mapRow!(record);
      if (!mapped.ok) batchRejects.push({ row, record, error: mapped.error });
      else pending.push({ row, record, importKey: mapped.externalId ?? `${input.file.sha256}:${row}`, candidate: mapped.value });
      // The checkpoint is a batch boundary: replayed rows and new rows never share a batch.
      if (pending.length + batchRejects.length >= batchSize || row === resumeAfter) await flush();
    }
    deps.signal.throwIfAborted();
    if (pending.length + batchRejects.length > 0 || row === 0) await flush();
    return { ...counts, rejects };
  } catch (error) {
    await (rejects as CsvFileWriter | null)?.discard().catch(() => undefined);
    throw deps.signal.aborted ? deps.signal.reason : error;
  } finally {
    deps.signal.removeEventListener("abort", abort);
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
}
