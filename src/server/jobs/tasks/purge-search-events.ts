// Daily: deletes searches older than the analytics' 90 days, across tenants, one short transaction
// per batch.
import { z } from "zod";
import { purgeOldSearchEvents } from "@/server/services/search/purge-search-events";
import { defineJob } from "../define";

export const purgeSearchEventsJob = defineJob({
  type: "search.purge-old-events",
  scope: "system",
  transaction: "per-call",
  payload: z.object({ batch: z.number().int().min(1).max(50_000).optional() }),
  maxAttempts: 3,
  async handler({ batch }, { withDb, signal, logger }) {
    let deleted = 0;
    for (;;) {
      signal.throwIfAborted();
      const result = await withDb((db) => purgeOldSearchEvents(db, { batch }));
      deleted += result.deleted;
      if (!result.more) break;
    }
    if (deleted > 0) logger.info({ deleted }, "purged old search events");
    return { deleted };
  },
});
