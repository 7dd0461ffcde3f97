import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { deleteEscalationRule as deleteEscalationRuleService } from "@/server/services/escalations/rules";

export const deleteEscalationRule = tenantProcedure("settings:manage")
  .meta({ openapi: { method: "DELETE", path: "/escalation-rules/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => deleteEscalationRuleService(ctx.db, input.id));
