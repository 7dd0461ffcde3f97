import { createCannedResponseSchema } from "@/lib/validations/canned-response";
import { tenantProcedure } from "@/server/api/trpc";
import { cannedResponseOutput, createCannedResponse as createCannedResponseService } from "@/server/services/canned-responses/canned-responses";
import { sharingCallerOf } from "@/server/api/sharing-caller";

/** Everyone who replies keeps personal responses; sharing with the team needs settings:manage. */
export const createCannedResponse = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/canned-responses" } })
  .input(createCannedResponseSchema)
  .output(cannedResponseOutput)
  .mutation(({ ctx, input }) => createCannedResponseService(ctx.db, sharingCallerOf(ctx), input));
