// Retention for the realtime event log: it is for catching up after a disconnect, not a history
// (the case timeline and the audit trail are). Events older than a day go, in batches; a client
// whose last event is older than that is told it missed some and refetches what it shows.
import { z } from "zod";
import { defineJob } from "../define";

const BATCH = 10_000;
export const REALTIME_RETENTION_HOURS = 24;

export const pruneRealtimeEventsJob = defineJob({
  type: "realtime.prune",
  scope: "system",
  transaction: "per-call",
  payload: z.object({ olderThanHours: z.number().int().min(1).max(24 * 30).default(REALTIME_RETENTION_HOURS) }),
  maxAttempts: 3,
  async handler({ olderThanHours }, { withDb, signal, logger }) {
    let deleted = 0;
    for (;;) {
      signal.throwIfAborted();
      const n = await withDb(
        (db) => db.$executeRaw`
          DELETE FROM realtime_events WHERE (tenant_id, seq) IN (
            SELECT tenant_id, seq FROM realtime_events
             WHERE created_at < now() - make_interval(hours => ${olderThanHours}::int)
             LIMIT ${BATCH})`,
      );
      deleted += n;
      if (n < BATCH) break;
    }
    if (deleted > 0) logger.info({ deleted }, "pruned realtime events");
    return { deleted };
  },
});
