import { tenantProcedure } from "@/server/api/trpc";
import { listAgentRuns, listAgentRunsInput, listAgentRunsOutput } from "@/server/services/ai/agent-runs";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";

/** The tenant's AI runs, newest first, with today's token use against the budget (admins). */
export const listRuns = tenantProcedure("audit:read")
  .meta({ openapi: { method: "GET", path: "/ai/runs" } })
  .input(listAgentRunsInput)
  .output(listAgentRunsOutput)
  .query(async ({ ctx, input }) => listAgentRuns(ctx.db, input, (await loadTenantSettings(ctx.db)).ai.tokensPerDay));
