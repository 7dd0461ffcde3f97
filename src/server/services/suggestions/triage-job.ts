// The triage of a new case as a background job of its tenant: enqueued with the case (in its
// transaction, so a case that rolls back is never triaged), run without holding a transaction
// while the model thinks. Provider trouble that outlasted the runner's own retries fails the
// attempt, so the queue tries again later; a refusal (budget, AI turned off) or an answer that
// never validated is final.
import { z } from "zod";
import { defineJob, registerJob } from "@/server/jobs";
import { triageCase } from "./triage-case";

const RETRY_LATER = new Set(["provider_error", "timeout", "rate_limited"]);

export const triageCaseJob = registerJob(
  defineJob({
    type: "ai.triage-case",
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({ caseId: z.uuid() }),
    maxAttempts: 3,
    backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
    timeoutMs: 5 * 60_000,
    async handler({ caseId }, { job, signal, logger }) {
      const result = await triageCase(job.tenantId!, caseId, signal);
      if (result.status === "failed" && RETRY_LATER.has(result.reason)) throw new Error(`triage failed: ${result.message}`);
      if (result.status !== "done") logger.info({ caseId, ...result }, "case not triaged");
      return result;
    },
  }),
);
