// Training of a tenant's triage models, one per field, nightly and on an admin's "Train now".
// Each model learns from the tenant's own resolved cases only (this tenant's rows, read as the
// tenant under RLS), the most recent 50,000 whose value is still in the tenant's lists. One case
// in five, chosen by a hash of its id so the same cases stay out night after night, is held out
// and predicted afterwards: that is the accuracy the settings show. A field with too few examples
// or a single value gets no model (and loses an old one), so nothing is suggested from noise.
import type { TenantSettings } from "@/lib/validations/tenant-settings";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb, WithTenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { documentWords, predictDocuments, type LabelStats, type ModelShape } from "./naive-bayes";
import { allowedValues, TRIAGE_FIELD_COLUMN, TRIAGE_FIELDS, type TriageField } from "./triage-fields";

export const MAX_EXAMPLES = 50_000;
/** Below this many training cases a field gets no model. */
export const MIN_EXAMPLES = 20;
/** The confidence floors the calibration is measured at (the auto-apply thresholds start at 0.5). */
export const CALIBRATION_FLOORS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95] as const;


export interface CalibrationPoint {
  atLeast: number;
  /** Share of held-out cases predicted with at least this confidence. */
  share: number;
  /** How many held-out cases that is. */
  cases: number;
  /** Of those, the share predicted right (null when none). */
  accuracy: number | null;
}

export type FieldTraining =
  | { field: TriageField; status: "trained"; examples: number; heldOut: number; correct: number; vocabulary: number; values: number }
  | { field: TriageField; status: "too-few"; examples: number; values: number };

/** The tenant's resolved cases usable for `field`, newest first, with whether each is held out. */
function examples(field: TriageField, allowed: readonly string[] | null): Prisma.Sql {
  const column = TRIAGE_FIELD_COLUMN[field];
  const valid = allowed ? Prisma.sql`${column} = ANY (${[...allowed]}::text[])` : Prisma.sql`${column} <> ''`;
  return Prisma.sql`
    SELECT c.id, ${column} AS label, c.title || ' ' || c.description AS body,
           mod(hashtext(c.id::text)::bigint + 2147483648, 5) = 0 AS held_out
      FROM cases c
     WHERE c.tenant_id = ${requireTenantId()}::uuid
       AND c.status IN ('RESOLVED', 'CLOSED') AND c.merged_into_id IS NULL
       AND ${valid}
     ORDER BY c.updated_at DESC, c.id DESC
     LIMIT ${MAX_EXAMPLES}`;
}

export function calibrationOf(outcomes: { confidence: number; right: boolean }[]): CalibrationPoint[] {
  return CALIBRATION_FLOORS.map((atLeast) => {
    const above = outcomes.filter((o) => o.confidence >= atLeast);
    return {
      atLeast,
      share: outcomes.length ? above.length / outcomes.length : 0,
      cases: above.length,
      accuracy: above.length ? above.filter((o) => o.right).length / above.length : null,
    };
  });
}

async function dropModel(db: TenantDb, field: TriageField) {
  const tenantId = requireTenantId();
  await db.triageModelTerm.deleteMany({ where: { tenantId, field } });
  await db.triageModel.deleteMany({ where: { tenantId, field } });
}

/** Trains the model of one field in one transaction: the new counts replace the old ones whole. */
export async function trainField(db: TenantDb, field: TriageField, settings: TenantSettings, now = new Date()): Promise<FieldTraining> {
  const tenantId = requireTenantId();
  const language = settings.textLanguage;
  const source = examples(field, allowedValues(field, settings));
  const perValue = await db.$queryRaw<{ value: string; cases: number }[]>`
    SELECT e.label AS value, count(*)::int AS cases FROM (${source}) e WHERE NOT e.held_out GROUP BY e.label ORDER BY e.label`;
  const trainingCases = perValue.reduce((sum, v) => sum + v.cases, 0);
  if (trainingCases < MIN_EXAMPLES || perValue.length < 2) {
    await dropModel(db, field);
    return { field, status: "too-few", examples: trainingCases, values: perValue.length };
  }

  await db.triageModelTerm.deleteMany({ where: { tenantId, field } });
  await db.$executeRaw`
    WITH ${documentWords(Prisma.sql`SELECT e.id, e.body FROM (${source}) e WHERE NOT e.held_out`, language)},
    labelled AS (SELECT e.id, e.label FROM (${source}) e WHERE NOT e.held_out)
    INSERT INTO triage_model_terms (tenant_id, field, lexeme, label, count)
    SELECT ${tenantId}::uuid, ${field}, w.lexeme, l.label, sum(w.n)::int
      FROM doc_words w JOIN labelled l ON l.id = w.id
     GROUP BY w.lexeme, l.label`;
  const [words, vocabulary] = await Promise.all([
    db.triageModelTerm.groupBy({ by: ["label"], where: { tenantId, field }, _sum: { count: true } }),
    db.$queryRaw<[{ n: number }]>`SELECT count(DISTINCT lexeme)::int AS n FROM triage_model_terms WHERE tenant_id = ${tenantId}::uuid AND field = ${field}`,
  ]);
  const wordsOf = new Map(words.map((w) => [w.label, w._sum.count ?? 0]));
  const labels: LabelStats[] = perValue.map((v) => ({ value: v.value, cases: v.cases, words: wordsOf.get(v.value) ?? 0 }));
  const model: ModelShape = { field, language, vocabulary: vocabulary[0].n, labels };

  // The held-out cases, read once: their truth and their prediction come from the same rows.
  const heldOut = await db.$queryRaw<{ id: string; label: string }[]>`SELECT e.id::text AS id, e.label FROM (${source}) e WHERE e.held_out`;
  const truth = new Map(heldOut.map((h) => [h.id, h.label]));
  const predicted = await predictDocuments(
    db,
    model,
    Prisma.sql`SELECT c.id, c.title || ' ' || c.description AS body FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.id = ANY (${heldOut.map((h) => h.id)}::uuid[])`,
  );
  const outcomes = predicted.map((p) => ({ confidence: p.confidence, right: truth.get(p.id) === p.value }));
  const correct = outcomes.filter((o) => o.right).length;
  const row = {
    language,
    trainedAt: now,
    examples: trainingCases,
    heldOut: outcomes.length,
    correct,
    vocabulary: model.vocabulary,
    labels: labels as unknown as Prisma.InputJsonValue,
    calibration: calibrationOf(outcomes) as unknown as Prisma.InputJsonValue,
  };
  await db.triageModel.upsert({ where: { tenantId_field: { tenantId, field } }, create: { tenantId, field, ...row }, update: row });
  return { field, status: "trained", examples: trainingCases, heldOut: outcomes.length, correct, vocabulary: model.vocabulary, values: labels.length };
}

/**
 * Trains every field's model of the current tenant, each field in a transaction of its own. A
 * `signal` (the runner shutting down) stops it between fields by throwing its reason: the fields
 * done are committed whole, the others keep their previous model, and the job goes back to the
 * queue to train them all again.
 */
export async function trainTriageModels(withDb: WithTenantDb, options: { now?: Date; signal?: AbortSignal } = {}): Promise<FieldTraining[]> {
  const now = options.now ?? new Date();
  const results: FieldTraining[] = [];
  for (const field of TRIAGE_FIELDS) {
    options.signal?.throwIfAborted();
    results.push(await withDb(async (db) => trainField(db, field, await loadTenantSettings(db), now)));
  }
  return results;
}
