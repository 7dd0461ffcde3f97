import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { feedItemOutput } from "@/server/services/feed/feed-select";
import { getFeedItem as getFeedItemService } from "@/server/services/feed/list-feed";
import { feedReaderOf } from "./feed-reader";

/** NOT_FOUND for an expired item and for one whose audience leaves the caller out. */
export const getFeedItem = tenantProcedure("feed:read")
  .meta({ openapi: { method: "GET", path: "/feed/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(feedItemOutput)
  .query(({ ctx, input }) => getFeedItemService(ctx.db, feedReaderOf(ctx), input.id));
