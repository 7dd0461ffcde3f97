import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { agentRunOutput, getAgentRun } from "@/server/services/ai/agent-runs";

/** One AI run with each attempt: the model calls, the validation errors fed back, and (if kept) the redacted prompt and output. */
export const getRun = tenantProcedure("audit:read")
  .meta({ openapi: { method: "GET", path: "/ai/runs/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(agentRunOutput)
  .query(({ ctx, input }) => getAgentRun(ctx.db, input.id));
