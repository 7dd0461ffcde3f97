// A feed item as the feed procedures return it, for component tests: an announcement to everyone
// posted a minute ago, with `over` on top.
import type { FeedItemView } from "@/components/feed/feed-item-card";

export const feedItemView = (id: string, over: Partial<FeedItemView> = {}): FeedItemView => ({
  id,
  kind: "ANNOUNCEMENT",
  title: `Item ${id}`,
  body: "",
  link: null,
  priority: "NORMAL",
  audienceKind: "EVERYONE",
  audienceValue: null,
  author: null,
  expiresAt: null,
  version: 1,
  createdAt: new Date(Date.now() - 60_000),
  ...over,
});
