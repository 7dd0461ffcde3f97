import { z } from "zod";
import { listCannedResponsesSchema } from "@/lib/validations/canned-response";
import { tenantProcedure } from "@/server/api/trpc";
import { cannedResponseOutput, listCannedResponses as listCannedResponsesService } from "@/server/services/canned-responses/canned-responses";
import { sharingCallerOf } from "@/server/api/sharing-caller";

/** The caller's own responses and the team's, optionally matching `q` (title or text). */
export const listCannedResponses = tenantProcedure("cases:write")
  .meta({ openapi: { method: "GET", path: "/canned-responses" } })
  .input(listCannedResponsesSchema)
  .output(z.array(cannedResponseOutput))
  .query(({ ctx, input }) => listCannedResponsesService(ctx.db, sharingCallerOf(ctx), input));
