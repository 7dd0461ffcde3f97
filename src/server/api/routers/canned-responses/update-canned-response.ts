import { updateCannedResponseSchema } from "@/lib/validations/canned-response";
import { tenantProcedure } from "@/server/api/trpc";
import { cannedResponseOutput, updateCannedResponse as updateCannedResponseService } from "@/server/services/canned-responses/canned-responses";
import { sharingCallerOf } from "@/server/api/sharing-caller";

/** The owner of a personal response; an admin (settings:manage) for the team's. */
export const updateCannedResponse = tenantProcedure("cases:write")
  .meta({ openapi: { method: "PATCH", path: "/canned-responses/{id}" } })
  .input(updateCannedResponseSchema)
  .output(cannedResponseOutput)
  .mutation(({ ctx, input }) => updateCannedResponseService(ctx.db, sharingCallerOf(ctx), input));
