// The rotation as a background job of one tenant: batches in short transactions until no
// customer is left under an old key. Enqueued by customers.rotateEncryption (or a script after
// a key change); registered here so any process that imports it can run it.
import { z } from "zod";
import { defineJob, registerJob } from "@/server/jobs";
import { rotateCustomerEncryptionBatch } from "./rotate-encryption";

export const ROTATE_CUSTOMER_ENCRYPTION_JOB = "customers.rotate-encryption";

export const rotateCustomerEncryptionJob = registerJob(
  defineJob({
    type: ROTATE_CUSTOMER_ENCRYPTION_JOB,
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({ batchSize: z.number().int().min(1).max(5000).default(200) }),
    maxAttempts: 5,
    timeoutMs: 30 * 60_000,
    async handler({ batchSize }, { withDb, signal, progress, logger }) {
      let rotated = 0;
      for (;;) {
        signal.throwIfAborted();
        const batch = await withDb((db) => rotateCustomerEncryptionBatch(db, { batchSize }));
        rotated += batch.rotated;
        progress(batch.done ? 100 : 50, `${rotated} customers re-encrypted`);
        if (batch.done) break;
      }
      logger.info({ rotated }, "customer PII re-encrypted under the primary key");
      return { rotated };
    },
  }),
);
