import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { tenantOverview as tenantOverviewService, tenantOverviewOutput } from "@/server/services/overview/tenant-overview";

export const tenantOverview = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/tenant/overview" } })
  .output(tenantOverviewOutput)
  .query(({ ctx }) => tenantOverviewService(ctx.db, callerOf(ctx).userId));
