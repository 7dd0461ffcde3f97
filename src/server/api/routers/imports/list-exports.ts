import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { RecordNames } from "@/server/services/audit-log/record-names";

const exportItem = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number(),
  jobId: z.string().nullable(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  /** Cases in the file, from its job's result (null once the job has been purged). */
  rows: z.number().int().nullable(),
  /** Who started the export: a member's name, "Former member", or null when not recorded. */
  createdBy: z.string().nullable(),
});

/** The tenant's export files that can still be downloaded, newest first (download through /api/files/<id>). */
export const listExports = tenantProcedure("exports:create")
  .meta({ openapi: { method: "GET", path: "/exports" } })
  .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
  .output(z.object({ items: z.array(exportItem) }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.db.storedFile.findMany({
      where: { purpose: "export", OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
      select: { id: true, filename: true, size: true, jobId: true, createdAt: true, expiresAt: true, createdById: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit,
    });
    const jobIds = rows.map((r) => r.jobId).filter((id): id is string => id !== null);
    const userIds = rows.map((r) => r.createdById).filter((id): id is string => id !== null);
    const [jobs, names] = await Promise.all([
      jobIds.length ? ctx.db.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, result: true } }) : [],
      RecordNames.load(ctx.db, userIds.map((id) => ({ kind: "user" as const, id }))),
    ]);
    const rowsByJob = new Map(jobs.map((j) => [j.id, (j.result as { rows?: unknown } | null)?.rows]));
    return {
      items: rows.map(({ createdById, ...r }) => {
        const count = r.jobId ? rowsByJob.get(r.jobId) : undefined;
        return {
          ...r,
          size: Number(r.size),
          rows: typeof count === "number" ? count : null,
          createdBy: createdById ? names.label("user", createdById) : null,
        };
      }),
    };
  });
