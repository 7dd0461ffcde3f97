import { tenantProcedure } from "@/server/api/trpc";
import { caseTimeline as caseTimelineService, timelineInput, timelineOutput } from "@/server/services/cases/timeline";

export const caseTimeline = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/{caseId}/timeline" } })
  .input(timelineInput)
  .output(timelineOutput)
  .query(({ ctx, input }) => caseTimelineService(ctx.db, input));
