import { tenantProcedure } from "@/server/api/trpc";
import { importEntitySchema, mappingErrors, setImportMappingSchema } from "@/lib/validations/import";
import { recordAudit } from "@/server/audit";
import { AppError, notFound } from "@/server/errors/app-error";
import { enqueue } from "@/server/jobs";
import { importJob } from "@/server/services/imports/import-job";
import { importOutput, importSelect, toImportViews } from "./import-output";
import { currentRequester } from "@/server/services/cases/actor";

/** Saves the mapping of an uploaded file and starts the import (status QUEUED). */
export const setImportMapping = tenantProcedure("imports:create")
  .meta({ openapi: { method: "POST", path: "/imports/{id}/mapping" } })
  .input(setImportMappingSchema)
  .output(importOutput)
  .mutation(async ({ ctx, input }) => {
    const row = await ctx.db.import.findFirst({ where: { id: input.id }, select: importSelect });
    if (!row) throw notFound("Import");
    if (row.status !== "UPLOADED") {
      throw new AppError("CONFLICT", "This import has already started", { reason: "IMPORT_STARTED", status: row.status });
    }
    const entity = importEntitySchema.parse(row.entity);
    const errors = mappingErrors(entity, row.headers as string[], input.mapping);
    if (errors) throw new AppError("BAD_REQUEST", "The mapping is not complete", { fieldErrors: errors });
    const actor = currentRequester();
    if (!actor) throw new AppError("FORBIDDEN", "Imports are started by a member or an API key");
    const jobId = await enqueue(importJob, { importId: row.id, createdById: ctx.principal ? null : (ctx.user?.id ?? null), actor }, { db: ctx.db });
    // The status check above and this write are one transaction: a second call finds QUEUED.
    const { count } = await ctx.db.import.updateMany({ where: { id: row.id, status: "UPLOADED" }, data: { mapping: input.mapping, status: "QUEUED", jobId } });
    if (count === 0) throw new AppError("CONFLICT", "This import has already started", { reason: "IMPORT_STARTED" });
    await recordAudit(ctx.db, { action: "import.started", targetType: "import", targetId: row.id, diff: { entity, fields: Object.keys(input.mapping) } });
    const updated = await ctx.db.import.findFirstOrThrow({ where: { id: row.id }, select: importSelect });
    return (await toImportViews(ctx.db, [updated]))[0]!;
  });
