// Report rollups, every minute: a system task finds the tenants whose cases changed since their
// rollups' cursor (or that have none yet), and each tenant's counting is a job of its own, run as
// the tenant under one key, so a tenant has at most one counting waiting or running. A killed
// run loses nothing: each batch commits its cursor with its counts, and the next run goes on.
import { z } from "zod";
import { countCaseChanges, resetRollups } from "@/server/services/insights/reports/count-case-changes";
import { BACKGROUND_PRIORITY, defineJob } from "../define";
import { enqueuePerTenant } from "../per-tenant";

export const ROLLUPS_DEDUPE_KEY = "insights.rollups";
export const REBUILD_DEDUPE_KEY = "insights.rollups-rebuild";

export const countRollupsForTenantJob = defineJob({
  type: "insights.rollups-tenant",
  scope: "tenant",
  transaction: "per-call",
  /** rebuild: forget the counts first (the rebuild command and "Rebuild" in settings). */
  payload: z.object({ rebuild: z.boolean().default(false) }),
  maxAttempts: 5,
  timeoutMs: 15 * 60_000,
  // Reports may lag a minute; a member's triage or export should not wait for a first count.
  priority: BACKGROUND_PRIORITY,
  async handler({ rebuild }, { withDb, logger, signal }) {
    if (rebuild) await withDb((db) => resetRollups(db));
    const run = await countCaseChanges(withDb, { signal });
    if (run.changed > 0 || !run.caughtUp) logger.info(run, "counted case changes into the report rollups");
    return run;
  },
});

export const countRollupsJob = defineJob({
  type: "insights.rollups",
  scope: "system",
  transaction: "per-call",
  payload: z.object({}),
  maxAttempts: 2,
  timeoutMs: 60_000,
  priority: BACKGROUND_PRIORITY,
  async handler(_payload, { withDb }) {
    // One index probe per tenant: its newest case change against its cursor.
    const tenants = await withDb((db) =>
      db.$queryRaw<{ id: string }[]>`
        SELECT t.id::text AS id FROM tenants t LEFT JOIN case_report_states s ON s.tenant_id = t.id
         WHERE t.status = 'ACTIVE'
           AND EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = t.id AND (s.cursor_at IS NULL OR c.updated_at > s.cursor_at))`,
    );
    await enqueuePerTenant(countRollupsForTenantJob, tenants.map((t) => t.id), ROLLUPS_DEDUPE_KEY, { rebuild: false });
    return { tenants: tenants.length };
  },
});
