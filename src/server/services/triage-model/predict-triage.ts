// Predictions of the tenant's learned triage models: for the text of a case being written (the
// new-case form asks as the member types) and for stored cases (a new case's background triage,
// and open cases without a category once a model exists).
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { predictDocuments, type LabelStats, type ModelShape } from "./naive-bayes";
import { allowedValues, TRIAGE_FIELDS, type TriageField } from "./triage-fields";

export interface LoadedModel extends ModelShape {
  examples: number;
  heldOut: number;
  correct: number;
  trainedAt: Date;
}

export interface LearnedSuggestion {
  field: TriageField;
  value: string;
  confidence: number;
  /** The model's accuracy on its held-out cases (null when it held none out). */
  accuracy: number | null;
  examples: number;
}

/** The tenant's models, one per field that has one. */
export async function loadModels(db: TenantDb): Promise<LoadedModel[]> {
  const rows = await db.triageModel.findMany({ where: { tenantId: requireTenantId() } });
  return rows
    .filter((r): r is typeof r & { field: TriageField } => (TRIAGE_FIELDS as readonly string[]).includes(r.field))
    .map((r) => ({
      field: r.field,
      language: r.language,
      vocabulary: r.vocabulary,
      labels: r.labels as unknown as LabelStats[],
      examples: r.examples,
      heldOut: r.heldOut,
      correct: r.correct,
      trainedAt: r.trainedAt,
    }));
}

function suggestionOf(model: LoadedModel, value: string, confidence: number, settings: TenantSettings): LearnedSuggestion | null {
  const allowed = allowedValues(model.field, settings);
  if (allowed && !allowed.includes(value)) return null;
  return { field: model.field, value, confidence, accuracy: model.heldOut ? model.correct / model.heldOut : null, examples: model.examples };
}

/** What the models make of a text not stored yet. Empty without models or without words. */
export async function predictText(db: TenantDb, text: string, settings: TenantSettings, models?: LoadedModel[]): Promise<LearnedSuggestion[]> {
  if (!text.trim()) return [];
  const out: LearnedSuggestion[] = [];
  for (const model of models ?? (await loadModels(db))) {
    const [p] = await predictDocuments(db, model, Prisma.sql`SELECT 'draft'::text AS id, ${text}::text AS body`);
    const suggestion = p ? suggestionOf(model, p.value, p.confidence, settings) : null;
    if (suggestion) out.push(suggestion);
  }
  return out;
}

/** What the models make of stored cases (title and description), by case id. */
export async function predictCases(db: TenantDb, caseIds: readonly string[], settings: TenantSettings, models?: LoadedModel[]): Promise<Map<string, LearnedSuggestion[]>> {
  const byCase = new Map<string, LearnedSuggestion[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return byCase;
  const docs = Prisma.sql`SELECT c.id, c.title || ' ' || c.description AS body FROM cases c WHERE c.tenant_id = ${requireTenantId()}::uuid AND c.id = ANY (${[...caseIds]}::uuid[])`;
  for (const model of models ?? (await loadModels(db))) {
    for (const p of await predictDocuments(db, model, docs)) {
      const suggestion = suggestionOf(model, p.value, p.confidence, settings);
      if (suggestion) byCase.get(p.id)?.push(suggestion);
    }
  }
  return byCase;
}
