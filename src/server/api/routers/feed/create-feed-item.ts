import { createFeedItemSchema } from "@/lib/validations/feed";
import { tenantProcedure } from "@/server/api/trpc";
import { feedItemOutput } from "@/server/services/feed/feed-select";
import { createAnnouncement } from "@/server/services/feed/manage-feed";
import { feedReaderOf } from "./feed-reader";

/** An announcement, by the caller (an API key posts as the member it acts for). The system posts the other kinds. */
export const createFeedItem = tenantProcedure("feed:manage")
  .meta({ openapi: { method: "POST", path: "/feed" } })
  .input(createFeedItemSchema)
  .output(feedItemOutput)
  .mutation(({ ctx, input }) => createAnnouncement(ctx.db, feedReaderOf(ctx).userId, input));
