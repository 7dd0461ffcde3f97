// Evaluates the tenants' alert rules every minute. The recurring slot (runAt of the system job,
// unique forever per slot: recurring.ts) is handed to each tenant's job, whose dedupe key names
// it too, so one minute is one tenant job however many runners notice it; and the tenant job
// claims each rule for its minute (evaluate-rules.ts), so even a retried fan-out or a second
// job of the same minute fires nothing twice. Only active tenants with an enabled rule get a job.
import { z } from "zod";
import { evaluateAlertRules } from "@/server/services/alert-rules/evaluate-rules";
import { defineJob } from "../define";
import { enqueuePerTenant } from "../per-tenant";

export const evaluateAlertRulesForTenantJob = defineJob({
  type: "alerts.evaluate-rules-tenant",
  scope: "tenant",
  payload: z.object({ slot: z.iso.datetime() }),
  // A minute's evaluation is stale a few minutes later; the next minute's job takes over.
  maxAttempts: 2,
  timeoutMs: 30_000,
  async handler(payload, { db, logger }) {
    const result = await evaluateAlertRules(db, new Date(payload.slot), { logger });
    if (result.fired > 0) logger.info(result, "alert rules fired");
    return result;
  },
});

export const evaluateAlertRulesJob = defineJob({
  type: "alerts.evaluate-rules",
  scope: "system",
  transaction: "per-call",
  payload: z.object({}),
  maxAttempts: 2,
  timeoutMs: 30_000,
  async handler(_payload, { job, withDb, logger }) {
    const tenants = await withDb(async (db) => {
      // Rules have no relation to their tenant's status in the filter, so the tenants' status is a second read.
      const withRules = await db.alertRule.findMany({ where: { enabled: true }, select: { tenantId: true }, distinct: ["tenantId"] });
      if (withRules.length === 0) return [];
      return db.tenant.findMany({ where: { id: { in: withRules.map((r) => r.tenantId) }, status: "ACTIVE" }, select: { id: true } });
    });
    // The slot is the minute this run stands for (the recurring slot's runAt, to the minute).
    const slot = new Date(Math.floor(job.runAt.getTime() / 60_000) * 60_000).toISOString();
    await enqueuePerTenant(evaluateAlertRulesForTenantJob, tenants.map((t) => t.id), `alerts.evaluate-rules:${slot}`, { slot });
    if (tenants.length > 0) logger.info({ tenants: tenants.length, slot }, "enqueued alert rule evaluations");
    return { tenants: tenants.length, slot };
  },
});
