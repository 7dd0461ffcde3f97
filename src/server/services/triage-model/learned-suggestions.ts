// The learned model's suggestions on cases, stored beside the AI's (no run: they come from the
// tenant's own counts). A new case gets them from a background job, applied above the tenant's
// auto-apply thresholds as the AI's are; open cases left without a category or business unit get
// them after each training, as suggestions only (a model that just appeared must not rewrite
// dozens of open cases by itself). They never replace a suggestion already there: the AI reads the
// whole case, and a member's decision stands.
import { requireTenantId } from "@/server/db/tenant-scope";
import type { TenantDb } from "@/server/db/tenant-db";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { storeSuggestions, type Proposal } from "@/server/services/suggestions/store-suggestions";
import { loadModels, predictCases, type LearnedSuggestion } from "./predict-triage";

/** Below this a learned value is not worth a member's attention. */
export const MIN_SUGGESTION_CONFIDENCE = 0.5;
/** Open cases looked at after a training, newest first. */
export const UNTRIAGED_LIMIT = 500;
const UNTRIAGED_DAYS = 30;

interface CaseFields {
  category: string | null;
  businessUnit: string | null;
  priority: string;
}

/** Says where the value comes from and what its percentage means (the calibrated rate, beside the model's overall one). */
export function learnedReason(s: LearnedSuggestion): string {
  const cases = `Learned from ${s.examples.toLocaleString("en-US")} resolved cases`;
  if (s.accuracy === null) return cases;
  return `${cases}: right ${Math.round(s.confidence * 100)} % of the time when this sure, ${Math.round(s.accuracy * 100)} % overall`;
}

/** A category or business unit is suggested only where there is none; a priority where it differs. */
function worthSuggesting(s: LearnedSuggestion, c: CaseFields): boolean {
  if (s.confidence < MIN_SUGGESTION_CONFIDENCE) return false;
  if (s.field === "priority") return s.value !== c.priority;
  return c[s.field] === null;
}

const proposalOf = (s: LearnedSuggestion): Proposal => ({ field: s.field, value: s.value, reason: learnedReason(s), confidence: s.confidence });

export type NewCaseSuggestions = { status: "done"; suggested: number; applied: string[] } | { status: "skipped"; why: string };

export async function suggestForNewCase(db: TenantDb, caseId: string): Promise<NewCaseSuggestions> {
  const models = await loadModels(db);
  if (models.length === 0) return { status: "skipped", why: "the tenant has no trained model" };
  const found = await db.case.findFirst({ where: { id: caseId, mergedIntoId: null }, select: { category: true, businessUnit: true, priority: true, status: true } });
  if (!found || found.status === "CLOSED") return { status: "skipped", why: "the case is gone or closed" };
  const settings = await loadTenantSettings(db);
  const predicted = (await predictCases(db, [caseId], settings, models)).get(caseId) ?? [];
  const proposals = predicted.filter((s) => worthSuggesting(s, found)).map(proposalOf);
  if (proposals.length === 0) return { status: "done", suggested: 0, applied: [] };
  const applied = await storeSuggestions(db, caseId, null, proposals, settings, { keepExisting: true });
  return { status: "done", suggested: proposals.length, applied: applied ?? [] };
}

/** Suggestions for the recent open cases without a category or business unit; how many cases got one. */
export async function suggestForUntriaged(db: TenantDb, now = new Date()): Promise<number> {
  const models = (await loadModels(db)).filter((m) => m.field !== "priority");
  if (models.length === 0) return 0;
  const open = await db.case.findMany({
    where: {
      tenantId: requireTenantId(),
      status: { notIn: ["RESOLVED", "CLOSED"] },
      mergedIntoId: null,
      createdAt: { gte: new Date(now.getTime() - UNTRIAGED_DAYS * 86_400_000) },
      OR: [{ category: null }, { businessUnit: null }],
    },
    orderBy: { createdAt: "desc" },
    take: UNTRIAGED_LIMIT,
    select: { id: true, category: true, businessUnit: true, priority: true },
  });
  if (open.length === 0) return 0;
  const settings = await loadTenantSettings(db);
  const predicted = await predictCases(db, open.map((c) => c.id), settings, models);
  let suggested = 0;
  for (const c of open) {
    const proposals = (predicted.get(c.id) ?? []).filter((s) => worthSuggesting(s, c)).map(proposalOf);
    if (proposals.length === 0) continue;
    await storeSuggestions(db, c.id, null, proposals, settings, { keepExisting: true, suggestOnly: true });
    suggested += 1;
  }
  return suggested;
}
