// Applies the tenants' escalation rules. A recurring system task finds the active tenants with an
// enabled rule and enqueues one tenant job each; the tenant job does the work as its tenant (RLS,
// the tenant's context on events), like every other change to a tenant's cases. Each slot of the
// schedule is enqueued once (recurring.ts), a tenant has at most one unfinished run, and a run
// only escalates never-escalated cases, so repeated or overlapping runs change nothing twice.
import { z } from "zod";
import { escalateByRules } from "@/server/services/escalations/apply-rules";
import { defineJob } from "../define";
import { enqueuePerTenant } from "../per-tenant";

export const escalateByRulesForTenantJob = defineJob({
  type: "cases.escalate-by-rules-tenant",
  scope: "tenant",
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 60_000,
  async handler(_payload, { db, logger }) {
    const result = await escalateByRules(db, { logger });
    if (result.escalated > 0) logger.info(result, "escalated cases by rules");
    return result;
  },
});

export const escalateByRulesJob = defineJob({
  type: "cases.escalate-by-rules",
  scope: "system",
  transaction: "per-call",
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 60_000,
  async handler(_payload, { withDb, logger }) {
    const tenants = await withDb(async (db) => {
      // Rules have no relation to their tenant in the schema, so the tenants' status is a second read.
      const withRules = await db.escalationRule.findMany({ where: { enabled: true }, select: { tenantId: true }, distinct: ["tenantId"] });
      if (withRules.length === 0) return [];
      return db.tenant.findMany({ where: { id: { in: withRules.map((r) => r.tenantId) }, status: "ACTIVE" }, select: { id: true } });
    });
    await enqueuePerTenant(escalateByRulesForTenantJob, tenants.map((t) => t.id), "cases.escalate-by-rules");
    if (tenants.length > 0) logger.info({ tenants: tenants.length }, "enqueued escalation rule runs");
    return { tenants: tenants.length };
  },
});
