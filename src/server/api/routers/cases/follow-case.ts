import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { followCase as followCaseService, unfollowCase as unfollowCaseService } from "@/server/services/cases/followers";

export const followCaseInput = z.object({
  id: z.uuid(),
  /** Another member to add or remove; defaults to the caller (API keys must name one). */
  userId: z.uuid().optional(),
});

export const followCase = tenantProcedure("cases:read")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/follow" } })
  .input(followCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => followCaseService(ctx.db, callerOf(ctx), input));

export const unfollowCase = tenantProcedure("cases:read")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/unfollow" } })
  .input(followCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => unfollowCaseService(ctx.db, callerOf(ctx), input));
