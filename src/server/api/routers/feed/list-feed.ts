import { z } from "zod";
import { feedListFilterSchema } from "@/lib/validations/feed";
import { text } from "@/lib/validations/text";
import { tenantProcedure } from "@/server/api/trpc";
import { feedItemOutput } from "@/server/services/feed/feed-select";
import { listFeed as listFeedService } from "@/server/services/feed/list-feed";
import { feedReaderOf } from "./feed-reader";

export const listFeedInput = feedListFilterSchema.extend({
  limit: z.number().int().min(1).max(100).default(20),
  /** nextCursor of the previous page (opaque). */
  cursor: text().max(500).nullish(),
});

/** The items the caller may read, pinned first, then by priority, newest first; keyset pages. */
export const listFeed = tenantProcedure("feed:read")
  .meta({ openapi: { method: "GET", path: "/feed" } })
  .input(listFeedInput)
  .output(z.object({ items: z.array(feedItemOutput), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => listFeedService(ctx.db, feedReaderOf(ctx), input));
