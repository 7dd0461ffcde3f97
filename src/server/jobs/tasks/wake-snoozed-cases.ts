// Wakes snoozed cases whose snooze has ended. A recurring system task finds the tenants that
// have such cases and enqueues one tenant job each; the tenant job does the work as its tenant
// (RLS, the tenant's context on events), like every other change to a tenant's cases.
import { z } from "zod";
import { wakeDueSnoozedCases } from "@/server/services/cases/wake-snoozed";
import { defineJob } from "../define";
import { enqueuePerTenant } from "../per-tenant";

export const wakeSnoozedCasesForTenantJob = defineJob({
  type: "cases.wake-snoozed-tenant",
  scope: "tenant",
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 60_000,
  async handler(_payload, { db, logger }) {
    const result = await wakeDueSnoozedCases(db);
    if (result.woken > 0) logger.info(result, "woke snoozed cases");
    return result;
  },
});

export const wakeSnoozedCasesJob = defineJob({
  type: "cases.wake-snoozed",
  scope: "system",
  transaction: "per-call",
  payload: z.object({}),
  maxAttempts: 3,
  timeoutMs: 60_000,
  async handler(_payload, { withDb, logger }) {
    const now = new Date();
    const tenants = await withDb((db) =>
      db.case.findMany({
        where: { status: "SNOOZED", snoozedUntil: { lte: now }, tenant: { status: "ACTIVE" } },
        select: { tenantId: true },
        distinct: ["tenantId"],
      }),
    );
    await enqueuePerTenant(wakeSnoozedCasesForTenantJob, tenants.map((t) => t.tenantId), "cases.wake-snoozed");
    if (tenants.length > 0) logger.info({ tenants: tenants.length }, "enqueued snooze wake-ups");
    return { tenants: tenants.length };
  },
});
