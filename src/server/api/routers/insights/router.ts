import { createTRPCRouter } from "@/server/api/trpc";
import { recomputeTrending } from "./recompute-trending";
import { trending } from "./trending";
import { trendingTopic } from "./trending-topic";

export const insightsRouter = createTRPCRouter({
  trending,
  trendingTopic,
  recomputeTrending,
});
