import { z } from "zod";
import { addCaseMessageSchema } from "@/lib/validations/case";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { addCaseMessage as addCaseMessageService } from "@/server/services/cases/add-message";
import { timelineItemOutput } from "@/server/services/cases/timeline";

export const addCaseMessage = tenantProcedure("cases:write")
  .meta({ openapi: { method: "POST", path: "/cases/{caseId}/messages" } })
  .input(addCaseMessageSchema)
  .output(z.object({ message: timelineItemOutput, mentioned: z.array(z.object({ id: z.string(), name: z.string() })) }))
  .mutation(({ ctx, input }) => addCaseMessageService(ctx.db, callerOf(ctx), input));
