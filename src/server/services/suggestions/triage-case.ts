// Triage of one case by the AI: run the agent outside any transaction, then store its suggestions
// (only values the tenant's lists allow, so nothing unchecked reaches the case) and apply those
// the tenant trusts above a confidence. Called by the ai.triage-case job.
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { runAgent, type AgentResult } from "@/server/ai/run-agent";
import { triageAgent, type TriageOutput } from "@/server/ai/agents/triage";
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { Prisma } from "@/server/db/generated/client";
import { emitEvents } from "@/server/realtime/emit";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { updateCase } from "@/server/services/cases/update-case";
import { isApplicable, type ApplicableField, type SuggestionField } from "./suggestion-fields";
import { withCaseTags } from "./case-suggestions";

const SYSTEM_CALLER = { userId: null, canReadPii: false } as const;

export type TriageCaseResult =
  | { status: "done"; runId: string; suggested: number; applied: ApplicableField[] }
  | { status: "skipped"; why: string }
  | { status: "failed"; reason: string; message: string; runId: string | null };

interface Proposal {
  field: SuggestionField;
  value: string | string[];
  reason: string;
  confidence: number;
}

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

/** Upserts the proposals (a decided suggestion stays as decided) and applies the trusted ones; null when the case is gone. */
async function storeSuggestions(db: TenantDb, caseId: string, runId: string, proposals: Proposal[], settings: TenantSettings): Promise<ApplicableField[] | null> {
  const current = await db.case.findFirst({ where: { id: caseId }, select: { tenantId: true, version: true, status: true } });
  if (!current) return null;
  const decided = new Set(
    (await db.caseSuggestion.findMany({ where: { caseId, status: { not: "PENDING" } }, select: { field: true } })).map((s) => s.field),
  );
  const toApply: Partial<Record<ApplicableField, string | string[]>> = {};
  for (const p of proposals) {
    if (decided.has(p.field)) continue;
    const threshold = isApplicable(p.field) ? settings.ai.autoApply[p.field] : null;
    const apply = threshold !== null && p.confidence >= threshold && current.status !== "CLOSED";
    if (apply && isApplicable(p.field)) toApply[p.field] = p.value;
    const data = { runId, value: p.value as Prisma.InputJsonValue, reason: p.reason, confidence: p.confidence, status: apply ? ("APPLIED" as const) : ("PENDING" as const), decidedAt: apply ? new Date() : null };
    await db.caseSuggestion.upsert({
      where: { tenantId_caseId_field: { tenantId: current.tenantId, caseId, field: p.field } },
      create: { tenantId: current.tenantId, caseId, field: p.field, ...data },
      update: data,
    });
  }
  const fields = Object.keys(toApply) as ApplicableField[];
  if (fields.length > 0) {
    await updateCase(db, SYSTEM_CALLER, {
      id: caseId,
      version: current.version,
      ...(toApply.category !== undefined && { category: toApply.category as string }),
      ...(toApply.businessUnit !== undefined && { businessUnit: toApply.businessUnit as string }),
      ...(toApply.priority !== undefined && { priority: toApply.priority as "LOW" | "NORMAL" | "HIGH" | "URGENT" }),
      ...(toApply.tags !== undefined && { tags: await withCaseTags(db, caseId, toApply.tags as string[]) }),
    });
  }
  emitEvents({ kind: "case.updated", entityId: caseId, data: { change: "suggestions" } });
  return fields;
}
