import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { assignCase as assignCaseService } from "@/server/services/cases/assign-case";
import { caseDetailOutput } from "@/server/services/cases/case-select";

export const assignCaseInput = z.object({
  id: z.uuid(),
  /** A member of this tenant (not a viewer), "me", or null to unassign; left out: unchanged. */
  assigneeId: z.union([z.uuid(), z.literal("me"), z.null()]).optional(),
  /** A team of this tenant, or null to take the case out of its team; left out: unchanged. */
  teamId: z.uuid().nullable().optional(),
  version: z.number().int().min(1).optional(),
});

export const assignCase = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/assign" } })
  .input(assignCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => {
    const caller = callerOf(ctx);
    const assigneeId = input.assigneeId === "me" ? caller.userId : input.assigneeId;
    return assignCaseService(ctx.db, caller, { ...input, assigneeId });
  });
