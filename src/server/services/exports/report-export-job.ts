// The reports page's "Export CSV": the report read as its tenant and written as a StoredFile
// (purpose "export") named in the job's result, audited once the file exists; the job page and
// the download work as for a cases export.
import { z } from "zod";
import { reportQuerySchema } from "@/lib/validations/reports";
import { runWithNarrowedContext } from "@/server/context/request-context";
import { defineJob, registerJob } from "@/server/jobs";
import { getStorage } from "@/server/storage";
import { storeExportFile } from "./store-export";
import { CsvFileWriter } from "@/server/services/csv/writer";
import { readReport } from "@/server/services/insights/reports/read-report";
import { REPORT_CSV_COLUMNS, reportRows } from "./report-csv";

export const EXPORT_REPORT_JOB = "exports.report";

export const exportReportJob = registerJob(
  defineJob({
    type: EXPORT_REPORT_JOB,
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({
      query: reportQuerySchema,
      requestedBy: z.uuid().nullable(),
      actor: z.object({ type: z.enum(["user", "apiKey"]), id: z.string() }),
    }),
    maxAttempts: 3,
    timeoutMs: 5 * 60_000,
    async handler({ query, requestedBy, actor }, { withDb, job }) {
      return runWithNarrowedContext({ actor }, async () => {
        const report = await withDb((db) => readReport(db, query));
        const writer = new CsvFileWriter([...REPORT_CSV_COLUMNS]);
        const rows = reportRows(report);
        for (const row of rows) await writer.write(row);
        const stored = await writer.store(getStorage());
        const filename = `report-${report.range.from}-to-${report.range.to}-by-${report.range.groupBy}.csv`;
        const fileId = await withDb((db) =>
          storeExportFile(db, { stored, filename, jobId: job.id, createdById: requestedBy }, { entity: "report", rows: rows.length, query }),
        );
        return { fileId, rows: rows.length, filename };
      });
    },
  }),
);
