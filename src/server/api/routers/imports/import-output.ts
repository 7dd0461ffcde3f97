import { z } from "zod";
import { IMPORT_ENTITIES, IMPORT_STATUSES, importEntitySchema, suggestMapping, type ImportMapping } from "@/lib/validations/import";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";

export const importSelect = {
  id: true,
  entity: true,
  status: true,
  headers: true,
  mapping: true,
  jobId: true,
  fileId: true,
  totalRows: true,
  importedRows: true,
  duplicateRows: true,
  rejectedRows: true,
  rejectsFileId: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ImportSelect;

export const importOutput = z.object({
  id: z.string(),
  entity: z.enum(IMPORT_ENTITIES),
  status: z.enum(IMPORT_STATUSES),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()).nullable(),
  suggestedMapping: z.record(z.string(), z.string()),
  file: z.object({ id: z.string(), filename: z.string(), size: z.number() }).nullable(),
  jobId: z.string().nullable(),
  /** The job's progress (0–100) and stage while it runs. */
  progress: z.number().int(),
  stage: z.string().nullable(),
  error: z.string().nullable(),
  totalRows: z.number().int(),
  importedRows: z.number().int(),
  duplicateRows: z.number().int(),
  rejectedRows: z.number().int(),
  rejectsFileId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ImportView = z.infer<typeof importOutput>;

type ImportRow = Prisma.ImportGetPayload<{ select: typeof importSelect }>;

/** Rows with their file and job, in two queries for any number of imports. */
export async function toImportViews(db: TenantDb, rows: ImportRow[]): Promise<ImportView[]> {
  const fileIds = rows.map((r) => r.fileId);
  const jobIds = rows.map((r) => r.jobId).filter((id): id is string => Boolean(id));
  const [files, jobs] = await Promise.all([
    fileIds.length ? db.storedFile.findMany({ where: { id: { in: fileIds } }, select: { id: true, filename: true, size: true } }) : [],
    jobIds.length ? db.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, progress: true, stage: true, lastError: true } }) : [],
  ]);
  const fileById = new Map(files.map((f) => [f.id, f]));
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  return rows.map((r) => {
    const entity = importEntitySchema.parse(r.entity);
    const headers = (r.headers ?? []) as string[];
    const file = fileById.get(r.fileId);
    const job = r.jobId ? jobById.get(r.jobId) : undefined;
    return {
      ...r,
      entity,
      status: r.status as ImportView["status"],
      headers,
      mapping: (r.mapping as ImportMapping | null) ?? null,
      suggestedMapping: suggestMapping(entity, headers),
      file: file ? { id: file.id, filename: file.filename, size: Number(file.size) } : null,
      progress: r.status === "SUCCEEDED" ? 100 : (job?.progress ?? 0),
      stage: job?.stage ?? null,
      error: r.status === "FAILED" ? (job?.lastError ?? "The import failed") : null,
    };
  });
}
