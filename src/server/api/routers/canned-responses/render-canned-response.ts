import { z } from "zod";
import { renderCannedResponseSchema } from "@/lib/validations/canned-response";
import { tenantProcedure } from "@/server/api/trpc";
import { renderCannedResponse as renderCannedResponseService } from "@/server/services/canned-responses/canned-responses";
import { sharingCallerOf } from "@/server/api/sharing-caller";

/** The text as it goes into the composer: placeholders filled for this case and the caller. */
export const renderCannedResponse = tenantProcedure("cases:write")
  .meta({ openapi: { method: "GET", path: "/canned-responses/{id}/render" } })
  .input(renderCannedResponseSchema)
  .output(z.object({ body: z.string() }))
  .query(({ ctx, input }) => renderCannedResponseService(ctx.db, sharingCallerOf(ctx), input));
