// The shape every per-case AI job shares (triage, summary): a tenant job naming one case, run
// without holding a transaction while the model thinks. Provider trouble that outlasted the
// runner's own retries fails the attempt, so the queue tries again later (with minutes between
// attempts); a refusal (budget, AI turned off) or an answer that never validated is final.
import { z } from "zod";
import { defineJob, registerJob } from "@/server/jobs";

const RETRY_LATER = new Set(["provider_error", "timeout", "rate_limited"]);

type CaseAiResult = { status: "done" | "skipped" | "failed"; reason?: string; message?: string; why?: string };

export function defineCaseAiJob<R extends CaseAiResult>(type: string, run: (tenantId: string, caseId: string, signal: AbortSignal) => Promise<R>) {
  return registerJob(
    defineJob({
      type,
      scope: "tenant",
      transaction: "per-call",
      payload: z.object({ caseId: z.uuid() }),
      maxAttempts: 3,
      backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
      timeoutMs: 5 * 60_000,
      async handler({ caseId }, { job, signal, logger }) {
        const result = await run(job.tenantId!, caseId, signal);
        if (result.status === "failed" && RETRY_LATER.has(result.reason ?? "")) throw new Error(`${type} failed: ${result.message}`);
        if (result.status !== "done") logger.info({ caseId, status: result.status, reason: result.reason, why: result.why }, `${type}: nothing written`);
        return result;
      },
    }),
  );
}
