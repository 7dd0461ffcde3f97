import { tenantProcedure } from "@/server/api/trpc";
import { getTrendingTopic, trendingTopicInput, trendingTopicOutput } from "@/server/services/insights/trending/read-trending";

/** One topic of the newest computation with its sample cases; NOT_FOUND when it no longer trends. */
export const trendingTopic = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/insights/trending/{term}" } })
  .input(trendingTopicInput)
  .output(trendingTopicOutput)
  .query(({ ctx, input }) => getTrendingTopic(ctx.db, input.term));
