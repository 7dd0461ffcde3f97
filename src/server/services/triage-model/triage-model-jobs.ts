// The learned triage model's background work. Training: nightly for every active tenant with
// resolved cases (a system task fans out one tenant job each, under one key, so a tenant has at
// most one training waiting or running; an admin's "Train now" enqueues the same job). And a new
// case's learned suggestions, enqueued with the case when the tenant has a model.
import { z } from "zod";
import { BACKGROUND_PRIORITY, defineJob, enqueuePerTenant, registerJob } from "@/server/jobs";
import { suggestForNewCase, suggestForUntriaged } from "./learned-suggestions";
import { trainTriageModels } from "./train-triage-model";

export const TRAIN_DEDUPE_KEY = "triage.train";

export const trainTriageModelsForTenantJob = registerJob(
  defineJob({
    type: "triage.train-tenant",
    scope: "tenant",
    // Per call: each field trains in a transaction of its own.
    transaction: "per-call",
    payload: z.object({}),
    maxAttempts: 3,
    timeoutMs: 15 * 60_000,
    // The nightly run waits behind members' work; "Train now" enqueues at the default priority.
    priority: BACKGROUND_PRIORITY,
    async handler(_payload, { withDb, logger, signal }) {
      const fields = await trainTriageModels(withDb, { signal });
      const untriaged = await withDb((db) => suggestForUntriaged(db));
      logger.info({ fields, untriaged }, "trained the triage models");
      return { fields, untriaged };
    },
  }),
);

export const trainTriageModelsJob = registerJob(
  defineJob({
    type: "triage.train",
    scope: "system",
    transaction: "per-call",
    payload: z.object({}),
    maxAttempts: 2,
    timeoutMs: 60_000,
    priority: BACKGROUND_PRIORITY,
    async handler(_payload, { withDb }) {
      const tenants = await withDb((db) =>
        db.$queryRaw<{ id: string }[]>`
          SELECT t.id::text AS id FROM tenants t
           WHERE t.status = 'ACTIVE'
             AND (EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = t.id AND c.status IN ('RESOLVED', 'CLOSED'))
                  OR EXISTS (SELECT 1 FROM triage_models m WHERE m.tenant_id = t.id))`,
      );
      await enqueuePerTenant(trainTriageModelsForTenantJob, tenants.map((t) => t.id), TRAIN_DEDUPE_KEY);
      return { tenants: tenants.length };
    },
  }),
);

export const learnedTriageCaseJob = registerJob(
  defineJob({
    type: "triage.learned-case",
    scope: "tenant",
    payload: z.object({ caseId: z.uuid() }),
    maxAttempts: 3,
    timeoutMs: 60_000,
    async handler({ caseId }, { db }) {
      return suggestForNewCase(db, caseId);
    },
  }),
);
