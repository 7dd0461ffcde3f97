import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { caseVisitor, caseVisitorOutput } from "@/server/services/chat/case-visitor";

/** The website visitor chatting on a case (null for a case that is not a chat). */
export const getCaseVisitor = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/{caseId}/chat-visitor", summary: "The website chat visitor of a case" } })
  .input(z.object({ caseId: z.uuid() }))
  .output(caseVisitorOutput)
  .query(({ ctx, input }) => caseVisitor(ctx.db, callerOf(ctx), input.caseId));
