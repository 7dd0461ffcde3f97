// The summary of a long thread as a background job of its tenant. Asked for when a message arrives
// on a long thread and when a case changes hands; a minute's delay and a per-case key make a burst
// of messages one summary (asking again while one waits returns it).
import { enqueue } from "@/server/jobs";
import type { TenantDb } from "@/server/db/tenant-db";
import { aiAvailable } from "@/server/ai/provider";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { summarizeCase, SUMMARY_MIN_MESSAGES } from "./case-summary";
import { defineCaseAiJob } from "./case-ai-job";

const DEBOUNCE_MS = 60_000;

export const summarizeCaseJob = defineCaseAiJob("ai.summarize-case", summarizeCase);

/** In the transaction of a new message or a reassignment: a summary soon, when the thread is long and AI is on. */
export async function requestCaseSummary(db: TenantDb, caseId: string, options: { now?: boolean } = {}): Promise<void> {
  if (!aiAvailable()) return;
  const messages = await db.caseMessage.count({ where: { caseId } });
  if (messages < SUMMARY_MIN_MESSAGES) return;
  if (!(await loadTenantSettings(db)).ai.enabled) return;
  await enqueue(summarizeCaseJob, { caseId }, { db, dedupeKey: `summary:${caseId}`, runAt: new Date(Date.now() + (options.now ? 0 : DEBOUNCE_MS)) });
}
