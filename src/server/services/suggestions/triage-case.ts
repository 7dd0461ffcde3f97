// Triage of one case by the AI: run the agent outside any transaction, then store its suggestions
// (only values the tenant's lists allow, so nothing unchecked reaches the case) and apply those
// the tenant trusts above a confidence. Called by the ai.triage-case job.
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { runAgent, type AgentResult } from "@/server/ai/run-agent";
import { triageAgent, type TriageOutput } from "@/server/ai/agents/triage";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import type { ApplicableField } from "./suggestion-fields";
import { storeSuggestions, type Proposal } from "./store-suggestions";

export type TriageCaseResult =
  | { status: "done"; runId: string; suggested: number; applied: ApplicableField[] }
  | { status: "skipped"; why: string }
  | { status: "failed"; reason: string; message: string; runId: string | null };

/** What the agent said, as suggestions the tenant allows (a category not in its list is no suggestion). */
export function proposalsFrom(output: TriageOutput, settings: TenantSettings): Proposal[] {
  const proposals: Proposal[] = [];
  const pick = (list: string[], value: string | null) => (value ? list.find((v) => v.toLowerCase() === value.toLowerCase()) ?? null : null);
  const category = pick(settings.caseCategories, output.category.value);
  if (category) proposals.push({ field: "category", value: category, reason: output.category.reason, confidence: output.category.confidence });
  const unit = pick(settings.businessUnits, output.businessUnit.value);
  if (unit) proposals.push({ field: "businessUnit", value: unit, reason: output.businessUnit.reason, confidence: output.businessUnit.confidence });
  proposals.push({ field: "priority", value: output.priority.value, reason: output.priority.reason, confidence: output.priority.confidence });
  const tags = [...new Set(output.tags.value)];
  if (tags.length) proposals.push({ field: "tags", value: tags, reason: output.tags.reason, confidence: output.tags.confidence });
  proposals.push({ field: "language", value: output.language, reason: "Detected from the text", confidence: 1 });
  proposals.push({ field: "sentiment", value: output.sentiment, reason: "Read from the text", confidence: 1 });
  proposals.push({ field: "summary", value: output.summary, reason: "Summary of the case", confidence: 1 });
  return proposals;
}

async function loadTriageInput(db: TenantDb, caseId: string) {
  const found = await db.case.findFirst({
    where: { id: caseId },
    select: {
      title: true,
      description: true,
      channel: true,
      customer: { select: { name: true } },
      messages: { where: { kind: "PUBLIC_REPLY" }, orderBy: { createdAt: "asc" }, take: 5, select: { body: true } },
    },
  });
  if (!found) return null;
  const settings = await loadTenantSettings(db);
  return {
    settings,
    input: {
      title: found.title,
      description: found.description,
      channel: found.channel,
      customerName: found.customer?.name ?? null,
      messages: found.messages.map((m) => m.body),
      categories: settings.caseCategories,
      businessUnits: settings.businessUnits,
    },
  };
}

export async function triageCase(tenantId: string, caseId: string, signal?: AbortSignal): Promise<TriageCaseResult> {
  const loaded = await withTenantDb(tenantId, (db) => loadTriageInput(db, caseId));
  if (!loaded) return { status: "skipped", why: "the case is gone" };
  if (!loaded.settings.ai.enabled) return { status: "skipped", why: "AI is turned off for the tenant" };
  const result: AgentResult<TriageOutput> = await runAgent(triageAgent, loaded.input, { tenantId, caseId, signal });
  if (!result.ok) return { status: "failed", reason: result.reason, message: result.message, runId: result.runId };
  const runId = result.runId;
  return withTenantDb(tenantId, async (db) => {
    const settings = await loadTenantSettings(db);
    const proposals = proposalsFrom(result.output, settings);
    const applied = await storeSuggestions(db, caseId, runId, proposals, settings);
    if (applied === null) return { status: "skipped", why: "the case is gone" } as const;
    return { status: "done", runId, suggested: proposals.length, applied } as const;
  });
}
