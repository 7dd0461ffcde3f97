// Wakes snoozed cases whose snooze has ended. A recurring system task finds the tenants that
// have such cases and enqueues one tenant job each; the tenant job does the work as its tenant
// (RLS, the tenant's context on events), like every other change to a tenant's cases.
import { z } from "zod";
import { wakeDueSnoozedCases } from "@/server/services/cases/wake-snoozed";
import { defineJob } from "../define";

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
    // Imported here, not at the top: the queue imports the registry, which imports this file.
    const { enqueue } = await import("../queue");
    for (const { tenantId } of tenants) {
      // One unfinished wake-up per tenant: a slow run is not joined by a second one.
      await enqueue(wakeSnoozedCasesForTenantJob, {}, { tenantId, dedupeKey: "cases.wake-snoozed" });
    }
    if (tenants.length > 0) logger.info({ tenants: tenants.length }, "enqueued snooze wake-ups");
    return { tenants: tenants.length };
  },
});
