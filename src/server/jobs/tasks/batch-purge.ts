// The platform's retention purges (expired feed items, old searches) share one shape: delete a
// bounded batch in a short transaction of its own, come back while a batch was full, stop when
// cancelled, and say how many rows went.
import { z } from "zod";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { defineJob } from "../define";

export function defineBatchPurgeJob(options: {
  type: string;
  /** One batch: how many rows went, and whether a full batch suggests more. */
  purge: (db: PrivilegedDb, options: { batch?: number }) => Promise<{ deleted: number; more: boolean }>;
  /** What the log line says went, e.g. "expired feed items". */
  what: string;
}) {
  return defineJob({
    type: options.type,
    scope: "system",
    transaction: "per-call",
    payload: z.object({ batch: z.number().int().min(1).max(50_000).optional() }),
    maxAttempts: 3,
    async handler({ batch }, { withDb, signal, logger }) {
      let deleted = 0;
      for (;;) {
        signal.throwIfAborted();
        const result = await withDb((db) => options.purge(db, { batch }));
        deleted += result.deleted;
        if (!result.more) break;
      }
      if (deleted > 0) logger.info({ deleted }, `purged ${options.what}`);
      return { deleted };
    },
  });
}
