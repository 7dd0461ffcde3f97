import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { mergeCases as mergeCasesService } from "@/server/services/cases/merge-cases";

export const mergeCasesInput = z.object({
  /** The duplicate: it closes and points at the target. */
  sourceId: z.uuid(),
  /** The case that stays and receives the messages and events. */
  targetId: z.uuid(),
  sourceVersion: z.number().int().min(1).optional(),
  targetVersion: z.number().int().min(1).optional(),
});

export const mergeCases = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{targetId}/merge" } })
  .input(mergeCasesInput)
  .output(z.object({ target: caseDetailOutput, source: caseDetailOutput }))
  .mutation(({ ctx, input }) => mergeCasesService(ctx.db, callerOf(ctx), input));
