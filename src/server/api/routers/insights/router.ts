import { createTRPCRouter } from "@/server/api/trpc";
import { exportReport } from "./export-report";
import { rebuildReports } from "./rebuild-reports";
import { recomputeTrending } from "./recompute-trending";
import { report } from "./report";
import { trending } from "./trending";
import { trendingTopic } from "./trending-topic";

export const insightsRouter = createTRPCRouter({
  trending,
  trendingTopic,
  recomputeTrending,
  report,
  rebuildReports,
  exportReport,
});
