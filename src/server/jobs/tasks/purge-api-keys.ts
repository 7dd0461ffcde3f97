// Deletes API keys that were revoked, or expired, more than 90 days ago. They can no longer
// authenticate; keeping their hashes only grows the table. Each tenant's audit trail records
// which keys went (by prefix), so a later question "where did key cb_ab12… go?" has an answer.
import { z } from "zod";
import { recordAudit } from "@/server/audit";
import { defineJob } from "../define";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Per attempt, so the transaction stays short; the next run continues where this one stopped. */
const BATCH = 1000;

export const purgeApiKeysJob = defineJob({
  type: "api-keys.purge",
  scope: "system",
  payload: z.object({ olderThanDays: z.number().int().min(1).max(3650).default(90) }),
  maxAttempts: 3,
  timeoutMs: 60_000,
  async handler({ olderThanDays }, { db, logger }) {
    const cutoff = new Date(Date.now() - olderThanDays * DAY_MS);
    const doomed = await db.apiKey.findMany({
      where: { OR: [{ revokedAt: { lt: cutoff } }, { expiresAt: { lt: cutoff } }] },
      select: { id: true, tenantId: true, prefix: true },
      orderBy: { createdAt: "asc" },
      take: BATCH,
    });
    if (doomed.length === 0) return { deleted: 0, more: false };
    await db.apiKey.deleteMany({ where: { id: { in: doomed.map((k) => k.id) } } });
    const byTenant = new Map<string, typeof doomed>();
    for (const key of doomed) byTenant.set(key.tenantId, [...(byTenant.get(key.tenantId) ?? []), key]);
    for (const [tenantId, keys] of byTenant) {
      await recordAudit(db, {
        tenantId,
        action: "api_key.purged",
        targetType: "api_key",
        diff: { count: keys.length, prefixes: keys.map((k) => k.prefix), olderThanDays },
      });
    }
    logger.info({ deleted: doomed.length, tenants: byTenant.size }, "purged old API keys");
    return { deleted: doomed.length, more: doomed.length === BATCH };
  },
});
