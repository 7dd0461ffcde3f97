import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";

/** The tenant's recent export files, newest first (download through /api/files/<id>). */
export const listExports = tenantProcedure("exports:create")
  .meta({ openapi: { method: "GET", path: "/exports" } })
  .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
  .output(z.object({ items: z.array(z.object({ id: z.string(), filename: z.string(), size: z.number(), jobId: z.string().nullable(), createdAt: z.date() })) }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.db.storedFile.findMany({
      where: { purpose: "export" },
      select: { id: true, filename: true, size: true, jobId: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit,
    });
    return { items: rows.map((r) => ({ ...r, size: Number(r.size) })) };
  });
