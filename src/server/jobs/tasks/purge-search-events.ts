// Daily: deletes searches older than the analytics' 90 days, across tenants, one short transaction
// per batch.
import { purgeOldSearchEvents } from "@/server/services/search/purge-search-events";
import { defineBatchPurgeJob } from "./batch-purge";

export const purgeSearchEventsJob = defineBatchPurgeJob({ type: "search.purge-old-events", purge: purgeOldSearchEvents, what: "old search events" });
