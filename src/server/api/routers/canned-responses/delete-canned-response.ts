import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { deleteCannedResponse as deleteCannedResponseService } from "@/server/services/canned-responses/canned-responses";
import { sharingCallerOf } from "@/server/api/sharing-caller";

export const deleteCannedResponse = tenantProcedure("cases:write")
  .meta({ openapi: { method: "DELETE", path: "/canned-responses/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => deleteCannedResponseService(ctx.db, sharingCallerOf(ctx), input.id));
