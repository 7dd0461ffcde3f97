import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import type { Permission } from "@/server/auth/permissions";
import { AppError } from "@/server/errors/app-error";
import { caseDetailOutput } from "@/server/services/cases/case-select";
import { followCase as followCaseService, unfollowCase as unfollowCaseService } from "@/server/services/cases/followers";

export const followCaseInput = z.object({
  id: z.uuid(),
  /** Another member to add or remove; defaults to the caller (API keys must name one). */
  userId: z.uuid().optional(),
});

/**
 * Following a case yourself is reading it (cases:read); adding or removing someone else changes
 * who is told about it, which is editing the case (cases:write). An API key is nobody itself, so
 * naming a member always counts as someone else.
 */
function requireWriteForOthers(ctx: { user: { id: string } | null; principal: unknown; role: string; permissions: ReadonlySet<Permission> }, userId?: string) {
  const self = ctx.principal ? null : (ctx.user?.id ?? null);
  if (userId === undefined || userId === self || ctx.permissions.has("cases:write")) return;
  throw new AppError("FORBIDDEN", `Your role (${ctx.role}) may follow cases only for yourself`, { reason: "PERMISSION_DENIED", permission: "cases:write" });
}

export const followCase = tenantProcedure("cases:read")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/follow" } })
  .input(followCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => {
    requireWriteForOthers(ctx, input.userId);
    return followCaseService(ctx.db, callerOf(ctx), input);
  });

export const unfollowCase = tenantProcedure("cases:read")
  .meta({ openapi: { method: "POST", path: "/cases/{id}/unfollow" } })
  .input(followCaseInput)
  .output(caseDetailOutput)
  .mutation(({ ctx, input }) => {
    requireWriteForOthers(ctx, input.userId);
    return unfollowCaseService(ctx.db, callerOf(ctx), input);
  });
