// Hourly: deletes feed items past their expiry (system items live a week; announcements as long as
// their author says), across tenants, in batches of one short transaction each, so the table stays
// about a week of events however busy a tenant is.
import { purgeExpiredFeedItems } from "@/server/services/feed/purge-expired-feed-items";
import { defineBatchPurgeJob } from "./batch-purge";

export const purgeExpiredFeedItemsJob = defineBatchPurgeJob({ type: "feed.purge-expired", purge: purgeExpiredFeedItems, what: "expired feed items" });
