// Predictions of the tenant's learned triage models: for the text of a case being written (the
// new-case form asks as the member types) and for stored cases (a new case's background triage,
// and open cases without a category once a model exists).
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { predictDocuments, type LabelStats, type ModelShape } from "./naive-bayes";
import { allowedValues, TRIAGE_FIELDS, type TriageField } from "./triage-fields";
import type { CalibrationPoint } from "./train-triage-model";

export interface LoadedModel extends ModelShape {
  examples: number;
  heldOut: number;
  correct: number;
  trainedAt: Date;
  calibration: CalibrationPoint[];
}

/** Held-out cases a confidence floor needs before its accuracy is trusted over the model's overall one. */
const MIN_CALIBRATION_CASES = 5;

/**
 * The confidence shown and compared with auto-apply thresholds: how often the model was right on
 * held-out cases it was at least this sure of, never more than its own probability. Naive Bayes'
 * probabilities are overconfident (it takes every word as independent evidence, so a long text
 * makes it "99 % sure" of anything); a member deciding whether to trust a suggestion needs the
 * measured rate, and an admin setting "apply above 90 %" means right nine times in ten.
 */
export function calibratedConfidence(raw: number, model: Pick<LoadedModel, "calibration" | "heldOut" | "correct">): number {
  const trusted = model.calibration
    .filter((p) => p.atLeast <= raw && p.cases >= MIN_CALIBRATION_CASES && p.accuracy !== null)
    .sort((x, y) => y.atLeast - x.atLeast)[0];
  const measured = trusted?.accuracy ?? (model.heldOut ? model.correct / model.heldOut : null);
  return measured === null ? raw : Math.min(raw, measured);
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
      calibration: r.calibration as unknown as CalibrationPoint[],
    }));
}

function suggestionOf(model: LoadedModel, value: string, raw: number, settings: TenantSettings): LearnedSuggestion | null {
  const allowed = allowedValues(model.field, settings);
  if (allowed && !allowed.includes(value)) return null;
  return { field: model.field, value, confidence: calibratedConfidence(raw, model), accuracy: model.heldOut ? model.correct / model.heldOut : null, examples: model.examples };
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
