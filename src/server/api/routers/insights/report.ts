import { reportQuerySchema, reportSchema } from "@/lib/validations/reports";
import { tenantProcedure } from "@/server/api/trpc";
import { readReport } from "@/server/services/insights/reports/read-report";

/**
 * Volume, response and resolution times, SLA attainment, backlog and per-agent figures for a date
 * range of the organisation's time zone, against the period before. Read from the rollups, which
 * follow the cases within a minute or two (`countedAt` says when).
 */
export const report = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/insights/reports" } })
  .input(reportQuerySchema)
  .output(reportSchema)
  .query(({ ctx, input }) => readReport(ctx.db, input));
