import { tenantProcedure } from "@/server/api/trpc";
import { searchAnalytics, searchAnalyticsInput, searchAnalyticsOutput } from "@/server/services/search/analytics";

/** What the tenant's members search for: volume per day, top queries with click-through, queries that find nothing. */
export const analytics = tenantProcedure("audit:read")
  .meta({ openapi: { method: "GET", path: "/search/analytics" } })
  .input(searchAnalyticsInput)
  .output(searchAnalyticsOutput)
  .query(({ ctx, input }) => searchAnalytics(ctx.db, input));
