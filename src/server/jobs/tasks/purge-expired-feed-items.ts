// Hourly: deletes feed items past their expiry (system items live a week; announcements as long as
// their author says), across tenants, in batches of one short transaction each, so the table stays
// about a week of events however busy a tenant is.
import { z } from "zod";
import { purgeExpiredFeedItems } from "@/server/services/feed/purge-expired-feed-items";
import { defineJob } from "../define";

export const purgeExpiredFeedItemsJob = defineJob({
  type: "feed.purge-expired",
  scope: "system",
  transaction: "per-call",
  payload: z.object({ batch: z.number().int().min(1).max(50_000).optional() }),
  maxAttempts: 3,
  async handler({ batch }, { withDb, signal, logger }) {
    let deleted = 0;
    for (;;) {
      signal.throwIfAborted();
      const result = await withDb((db) => purgeExpiredFeedItems(db, { batch }));
      deleted += result.deleted;
      if (!result.more) break;
    }
    if (deleted > 0) logger.info({ deleted }, "purged expired feed items");
    return { deleted };
  },
});
