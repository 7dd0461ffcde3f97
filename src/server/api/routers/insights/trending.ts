import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { listTrending, trendingListOutput } from "@/server/services/insights/trending/read-trending";

/** The tenant's trending topics: the newest hourly computation, best first. */
export const trending = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/insights/trending" } })
  .input(z.object({}).optional())
  .output(trendingListOutput)
  .query(({ ctx }) => listTrending(ctx.db));
