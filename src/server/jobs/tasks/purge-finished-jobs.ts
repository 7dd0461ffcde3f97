// Retention for the jobs table itself: finished jobs older than 30 days go, in batches, so the
// table (and the UI's lists) stay small. The row of a recurring slot is what stops the slot from
// being enqueued again, so those are kept for 400 days, longer than any yearly schedule.
import { z } from "zod";
import { defineJob } from "../define";

const BATCH = 5000;

export const purgeFinishedJobsJob = defineJob({
  type: "jobs.purge-finished",
  scope: "system",
  transaction: "per-call",
  payload: z.object({ olderThanDays: z.number().int().min(1).max(3650).default(30) }),
  maxAttempts: 3,
  async handler({ olderThanDays }, { withDb, signal, logger }) {
    let deleted = 0;
    for (;;) {
      signal.throwIfAborted();
      const n = await withDb(
        (db) => db.$executeRaw`
          DELETE FROM jobs WHERE id IN (
            SELECT id FROM jobs
             WHERE status IN ('SUCCEEDED', 'CANCELLED', 'DEAD')
               AND finished_at < now() - make_interval(days => ${olderThanDays}::int)
               AND NOT (dedupe_key LIKE 'recurring:%' AND finished_at >= now() - interval '400 days')
             LIMIT ${BATCH})`,
      );
      deleted += n;
      if (n < BATCH) break;
    }
    if (deleted > 0) logger.info({ deleted }, "purged finished jobs");
    return { deleted };
  },
});
