// Trending topics, hourly: a system task finds the active tenants with something new in the last
// day (or a list to empty), and each tenant's computation is a job of its own, run as the tenant.
// "Recompute now" enqueues the same tenant job under the same key, so a tenant has at most one
// computation waiting or running however often it is asked for.
import { z } from "zod";
import { computeTrending } from "@/server/services/insights/trending/compute-trending";
import { defineJob } from "../define";
import { enqueuePerTenant } from "../per-tenant";

export const TRENDING_DEDUPE_KEY = "insights.trending";

export const computeTrendingForTenantJob = defineJob({
  type: "insights.trending-tenant",
  scope: "tenant",
  // Per call: a tenant's first run counts 28 days of text, each day in a short transaction.
  transaction: "per-call",
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 5 * 60_000,
  async handler(_payload, { withDb, logger }) {
    const result = await computeTrending(withDb);
    logger.info(result, "computed trending topics");
    return result;
  },
});

export const computeTrendingJob = defineJob({
  type: "insights.trending",
  scope: "system",
  transaction: "per-call",
  payload: z.object({}),
  maxAttempts: 2,
  timeoutMs: 60_000,
  async handler(_payload, { withDb, logger }) {
    const since = new Date(Date.now() - 25 * 3_600_000);
    // Each EXISTS is an index range of one tenant (cases and messages by tenant and time).
    const tenants = await withDb((db) =>
      db.$queryRaw<{ id: string }[]>`
        SELECT t.id::text AS id FROM tenants t
         WHERE t.status = 'ACTIVE' AND (
               EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = t.id AND c.created_at >= ${since})
            OR EXISTS (SELECT 1 FROM case_messages m WHERE m.tenant_id = t.id AND m.created_at >= ${since})
            OR EXISTS (SELECT 1 FROM trending_topics x JOIN trending_runs r ON r.tenant_id = x.tenant_id AND r.id = x.run_id
                        WHERE x.tenant_id = t.id AND r.created_at >= ${since}))`,
    );
    await enqueuePerTenant(computeTrendingForTenantJob, tenants.map((t) => t.id), TRENDING_DEDUPE_KEY);
    if (tenants.length > 0) logger.info({ tenants: tenants.length }, "enqueued trending topics");
    return { tenants: tenants.length };
  },
});
