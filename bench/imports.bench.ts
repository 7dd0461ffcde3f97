// Throughput of CSV case imports: the import service (csv-parse stream → zod validation of every
// row → batches of 500 rows, each one tenant transaction with INSERT … ON CONFLICT DO NOTHING,
// "created" timeline events and the import's counts) on a file in local storage.
//   first import      every row new
//   same file again   every row a duplicate (the idempotent path: keys conflict, nothing written)
// ops/s is rows per second of wall time for the whole file.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { runWithContext } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { runImport, type RunImportResult } from "@/server/services/imports/run-import";
import { LocalDiskStorage } from "@/server/storage";
import type { Stats } from "./lib/measure";
import type { BenchModule, BenchRow } from "./lib/types";

const PRIORITIES = ["low", "normal", "high", "urgent"];
const STATUSES = ["new", "open", "pending", "resolved"];

function* csvLines(rows: number, assignee: string, prefix: string): Generator<string> {
  yield "External id,Title,Description,Priority,Status,Channel,Tags,Assignee email\n";
  for (let i = 1; i <= rows; i++) {
    const tags = i % 3 === 0 ? '"billing, vip"' : "";
    yield `${prefix}-${i},Imported case number ${i},"Line one, with a comma",${PRIORITIES[i % 4]},${STATUSES[i % 4]},email,${tags},${i % 2 ? assignee : ""}\n`;
  }
}

export const importsBench: BenchModule = {
  name: "imports",
  title: "imports — CSV case import throughput",
  async run(ctx) {
    const rows = ctx.quick ? 5_000 : 100_000;
    const tenant = await ctx.syntheticTenant("bench-imports", 100);
    const dir = await mkdtemp(join(tmpdir(), "bench-imports-"));
    const storage = new LocalDiskStorage(dir);
    try {
      const storeFile = async (prefix: string) => {
        const stored = await storage.put(Readable.from(csvLines(rows, `agent1@bench-imports.test`, prefix)));
        const importRow = await withPrivilegedDb("bench fixture", async (db) => {
          const file = await db.storedFile.create({
            data: { tenantId: tenant.id, purpose: "import", filename: "bench.csv", contentType: "text/csv", size: BigInt(stored.size), sha256: stored.sha256, storageKey: stored.key },
          });
          return db.import.create({ data: { tenantId: tenant.id, entity: "cases", fileId: file.id, headers: [] } });
        });
        return { stored, importRow };
      };
      ctx.log(`imports: writing ${rows.toLocaleString("en-US")}-row CSVs`);
      const files = { a: await storeFile("a"), b: await storeFile("b") };
      const mapping = {
        externalId: "External id",
        title: "Title",
        description: "Description",
        priority: "Priority",
        status: "Status",
        channel: "Channel",
        tags: "Tags",
        assigneeEmail: "Assignee email",
      };
      const once = async (label: string, { stored, importRow }: typeof files.a, batchSize?: number): Promise<{ stats: Stats; result: RunImportResult }> => {
        ctx.log(`imports: ${label}`);
        const started = performance.now();
        const result = await runWithContext({ requestId: "bench-imports", tenant: { id: tenant.id, slug: tenant.slug } }, () =>
          runImport(
            { importId: importRow.id, entity: "cases", mapping, file: { storageKey: stored.key, sha256: stored.sha256, size: stored.size }, createdById: tenant.ownerId },
            { withDb: (fn) => withTenantDb(tenant.id, fn, { timeoutMs: 120_000 }), storage, signal: new AbortController().signal, progress: () => {}, batchSize },
          ),
        );
        const ms = performance.now() - started;
        await result.rejects?.discard();
        return { stats: { samples: 1, p50: ms, p99: ms, mean: ms, opsPerSec: (rows / ms) * 1000 }, result };
      };
      const first = await once(`first import of ${rows} rows`, files.a);
      if (first.result.importedRows !== rows) throw new Error(`imports: ${first.result.importedRows} of ${rows} rows imported`);
      const again = await once("same file again", files.a);
      const small = await once("another file, batches of 100", files.b, 100);
      if (small.result.importedRows !== rows) throw new Error(`imports: ${small.result.importedRows} of ${rows} rows imported`);
      if (again.result.duplicateRows !== rows) throw new Error(`imports: ${again.result.duplicateRows} of ${rows} rows were duplicates`);
      const out: BenchRow[] = [
        { label: `first import (${rows.toLocaleString("en-US")} new rows)`, baseline: true, stats: first.stats },
        { label: "same file again (all duplicates)", stats: again.stats },
        { label: "another file, batches of 100", stats: small.stats },
      ];
      return {
        subtitle: `${rows.toLocaleString("en-US")}-row CSV, batches of 500 unless noted, ${(files.a.stored.size / 1024 / 1024).toFixed(1)} MB`,
        rows: out,
        notes: [
          "ops/s = rows per second of wall time for the whole file; p50 = total time",
          `first import: ${Math.round(first.stats.opsPerSec).toLocaleString("en-US")} rows/s; re-import: ${Math.round(again.stats.opsPerSec).toLocaleString("en-US")} rows/s`,
        ],
      };
    } finally {
      // The imported cases stay: the database is this run's own, and the tenant is this module's.
      await rm(dir, { recursive: true, force: true });
    }
  },
};
