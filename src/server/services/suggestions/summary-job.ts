// The summary of a long thread as a background job of its tenant. Asked for when a message arrives
// on a long thread and when a case changes hands; a minute's delay and a per-case key make a burst
// of messages one summary (asking again while one waits returns it).
import { z } from "zod";
import { defineJob, enqueue, registerJob } from "@/server/jobs";
import type { TenantDb } from "@/server/db/tenant-db";
import { aiAvailable } from "@/server/ai/provider";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { summarizeCase, SUMMARY_MIN_MESSAGES } from "./case-summary";

const RETRY_LATER = new Set(["provider_error", "timeout", "rate_limited"]);
const DEBOUNCE_MS = 60_000;

export const summarizeCaseJob = registerJob(
  defineJob({
    type: "ai.summarize-case",
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({ caseId: z.uuid() }),
    maxAttempts: 3,
    backoff: { baseMs: 60_000, maxMs: 15 * 60_000 },
    timeoutMs: 5 * 60_000,
    async handler({ caseId }, { job, signal }) {
      const result = await summarizeCase(job.tenantId!, caseId, signal);
      if (result.status === "failed" && RETRY_LATER.has(result.reason)) throw new Error(`summary failed: ${result.message}`);
      return result;
    },
  }),
);

/** In the transaction of a new message or a reassignment: a summary soon, when the thread is long and AI is on. */
export async function requestCaseSummary(db: TenantDb, caseId: string, options: { now?: boolean } = {}): Promise<void> {
  if (!aiAvailable()) return;
  const messages = await db.caseMessage.count({ where: { caseId } });
  if (messages < SUMMARY_MIN_MESSAGES) return;
  if (!(await loadTenantSettings(db)).ai.enabled) return;
  await enqueue(summarizeCaseJob, { caseId }, { db, dedupeKey: `summary:${caseId}`, runAt: new Date(Date.now() + (options.now ? 0 : DEBOUNCE_MS)) });
}
