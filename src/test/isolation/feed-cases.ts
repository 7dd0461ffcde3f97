// Isolation attacks on the feed: B's items are NOT_FOUND (read, changed or deleted), the list
// holds only A's, and B's team named as the audience of A's own items is NOT_FOUND too.
import { expect } from "vitest";
import type { IsolationCase } from "./fixture";

const bItem: IsolationCase = { name: "B's item", input: (fx) => ({ id: fx.bFeedItemId }), expect: "NOT_FOUND" };

export const FEED_ISOLATION_CASES: Record<string, IsolationCase[]> = {
  "feed.list": [
    {
      name: "none of B's items",
      input: () => ({ limit: 100 }),
      expect: (result, fx) => expect((result as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(fx.bFeedItemId),
    },
  ],
  "feed.get": [bItem],
  "feed.create": [
    { name: "for B's team", input: (fx) => ({ title: "Smuggled", audienceKind: "TEAM", audienceValue: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
  ],
  "feed.update": [
    { name: "B's item", input: (fx) => ({ id: fx.bFeedItemId, title: "Hijacked" }), expect: "NOT_FOUND" },
    { name: "A's item for B's team", input: (fx) => ({ id: fx.aFeedItemId, audienceKind: "TEAM", audienceValue: fx.bEscalation.teamId }), expect: "NOT_FOUND" },
  ],
  "feed.delete": [bItem],
};
