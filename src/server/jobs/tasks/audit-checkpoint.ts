// Anchors every tenant's audit chain in the file store (see server/audit/checkpoint.ts): hourly,
// so removing the newest audit events goes unnoticed for at most the events of the last hour.
// A checkpoint the log no longer matches is never overwritten: it is the evidence, and the job
// reports it as an error every hour until someone looks (`npm run audit:verify`).
import { z } from "zod";
import { checkpointTenant } from "@/server/audit/checkpoint";
import { getStorage } from "@/server/storage";
import { defineJob } from "../define";

const PAGE = 200;

export const auditCheckpointJob = defineJob({
  type: "audit.checkpoint",
  scope: "system",
  transaction: "per-call",
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 30 * 60_000,
  async handler(_payload, { withDb, logger, signal }) {
    const storage = getStorage();
    const counts = { written: 0, unchanged: 0, empty: 0, refused: 0 };
    for (let after: string | undefined; ; ) {
      const tenants = await withDb((db) =>
        db.tenant.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: "asc" }, take: PAGE, select: { id: true } }),
      );
      for (const { id } of tenants) {
        signal.throwIfAborted();
        const result = await checkpointTenant(withDb, storage, id);
        counts[result.outcome]++;
        if (result.outcome === "refused") logger.error({ tenantId: id, reason: result.reason }, "audit log no longer matches its checkpoint");
      }
      if (tenants.length < PAGE) break;
      after = tenants.at(-1)!.id;
    }
    if (counts.written > 0 || counts.refused > 0) logger.info(counts, "audit checkpoints written");
    return counts;
  },
});
