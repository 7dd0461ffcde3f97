import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { notFound } from "@/server/errors/app-error";
import { importOutput, importSelect, toImportViews } from "./import-output";

export const getImport = tenantProcedure("imports:create")
  .meta({ openapi: { method: "GET", path: "/imports/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(importOutput)
  .query(async ({ ctx, input }) => {
    const row = await ctx.db.import.findFirst({ where: { id: input.id }, select: importSelect });
    if (!row) throw notFound("Import");
    return (await toImportViews(ctx.db, [row]))[0]!;
  });
