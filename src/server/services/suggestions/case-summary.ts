// The summary of a long case thread, written by the case-summary agent in the background and shown
// collapsed at the top of the case's activity. Kept as the case's "thread_summary" suggestion row
// (one per case, replaced by each new summary), with the number of messages it covered, so the
// page can say how current it is. Refreshed when messages arrive on a long thread (debounced) and
// when the case changes hands.
import { z } from "zod";
import type { Prisma } from "@/server/db/generated/client";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { caseSummaryAgent, caseSummaryOutput } from "@/server/ai/agents/case-summary";
import { runAgent } from "@/server/ai/run-agent";
import { emitEvents } from "@/server/realtime/emit";

/** A thread this long (messages, notes included) gets a summary. */
export const SUMMARY_MIN_MESSAGES = 6;
export const SUMMARY_FIELD = "thread_summary";
const THREAD_LIMIT = 40;

const storedSummary = caseSummaryOutput.extend({ messages: z.number().int().min(0) });

export const caseSummaryView = storedSummary.extend({ createdAt: z.date() }).nullable();
export type CaseSummaryView = z.infer<typeof caseSummaryView>;

const FROM = { CUSTOMER: "customer", MEMBER: "agent", SYSTEM: "system" } as const;

export async function readCaseSummary(db: TenantDb, caseId: string): Promise<CaseSummaryView> {
  const found = await db.case.findFirst({ where: { id: caseId }, select: { id: true } });
  if (!found) throw notFound("Case");
  const row = await db.caseSuggestion.findFirst({ where: { caseId, field: SUMMARY_FIELD }, select: { value: true, createdAt: true } });
  const parsed = row ? storedSummary.safeParse(row.value) : null;
  return parsed?.success ? { ...parsed.data, createdAt: row!.createdAt } : null;
}

export type SummarizeResult = { status: "done"; runId: string; messages: number } | { status: "skipped"; why: string } | { status: "failed"; reason: string; message: string };

export async function summarizeCase(tenantId: string, caseId: string, signal?: AbortSignal): Promise<SummarizeResult> {
  const loaded = await withTenantDb(tenantId, async (db) => {
    const found = await db.case.findFirst({
      where: { id: caseId },
      select: { tenantId: true, title: true, description: true, status: true, _count: { select: { messages: true } } },
    });
    if (!found) return null;
    const recent = await db.caseMessage.findMany({
      where: { caseId },
      orderBy: { createdAt: "desc" },
      take: THREAD_LIMIT,
      select: { kind: true, authorType: true, body: true },
    });
    return { found, thread: recent.reverse().map((m) => ({ from: FROM[m.authorType], note: m.kind === "INTERNAL_NOTE", body: m.body })) };
  });
  if (!loaded) return { status: "skipped", why: "the case is gone" };
  const messages = loaded.found._count.messages;
  if (messages < SUMMARY_MIN_MESSAGES) return { status: "skipped", why: "the thread is short" };
  const result = await runAgent(caseSummaryAgent, { title: loaded.found.title, description: loaded.found.description, status: loaded.found.status, thread: loaded.thread }, { tenantId, caseId, signal });
  if (!result.ok) return { status: "failed", reason: result.reason, message: result.message };
  await withTenantDb(tenantId, async (db) => {
    const value = { ...result.output, messages } as Prisma.InputJsonValue;
    const data = { runId: result.runId, value, reason: "Summary of the thread", confidence: 1, createdAt: new Date() };
    await db.caseSuggestion.upsert({
      where: { tenantId_caseId_field: { tenantId: loaded.found.tenantId, caseId, field: SUMMARY_FIELD } },
      create: { tenantId: loaded.found.tenantId, caseId, field: SUMMARY_FIELD, ...data },
      update: data,
    });
    emitEvents({ kind: "case.updated", entityId: caseId, data: { change: "summary" } });
  });
  return { status: "done", runId: result.runId, messages };
}
