import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { importOutput, importSelect, toImportViews } from "./import-output";

export const listImports = tenantProcedure("imports:create")
  .meta({ openapi: { method: "GET", path: "/imports" } })
  .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
  .output(z.object({ items: z.array(importOutput) }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.db.import.findMany({ select: importSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit });
    return { items: await toImportViews(ctx.db, rows) };
  });
