import { createTRPCRouter } from "@/server/api/trpc";
import { createFeedItem } from "./create-feed-item";
import { deleteFeedItem } from "./delete-feed-item";
import { getFeedItem } from "./get-feed-item";
import { listFeed } from "./list-feed";
import { updateFeedItem } from "./update-feed-item";

export const feedRouter = createTRPCRouter({
  list: listFeed,
  get: getFeedItem,
  create: createFeedItem,
  update: updateFeedItem,
  delete: deleteFeedItem,
});
