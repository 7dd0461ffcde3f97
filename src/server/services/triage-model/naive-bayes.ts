// A multinomial naive Bayes over a case's words, counted and scored in Postgres. The words never
// leave the database: Postgres' text search stems them in the tenant's language (the same
// `to_tsvector` as search and trending topics), the training is a GROUP BY into
// triage_model_terms, and scoring a batch of cases (one new case, or the thousands held out to
// measure a model) is one join against it. A JavaScript classifier would have to pull up to
// 50,000 cases' text into the process to count what SQL counts where it lies.
//
// For a document d with in-vocabulary words w (n_w occurrences) and a value l:
//   log P(l | d) ∝ log(cases_l / cases) + Σ_w n_w · log((count_lw + 1) / (words_l + V))
// (Laplace smoothing, V the vocabulary). Only words the value has seen contribute to the sum
// beyond the constant −len_d · log(words_l + V), so the join reads just the document's words' rows.
// The scores become probabilities by a softmax; naive Bayes is overconfident, which is why each
// model also stores how often it was right above each confidence (the calibration the settings show).
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { WORD_LEXEME } from "@/server/services/insights/trending/topic-terms";
import type { TriageField } from "./triage-fields";

/** A case's text beyond this is not read: the first paragraphs say what it is about. */
export const MAX_DOCUMENT_CHARS = 4000;

export interface LabelStats {
  value: string;
  /** Training cases with this value. */
  cases: number;
  /** Word occurrences counted in them. */
  words: number;
}

export interface ModelShape {
  field: TriageField;
  language: string;
  vocabulary: number;
  labels: LabelStats[];
}

export interface Prediction {
  id: string;
  value: string;
  /** The softmax probability of the value, 0–1. */
  confidence: number;
}

/** `SELECT id, body` of the documents as a CTE `docs(id, body)`, each document's counted words as `doc_words(id, lexeme, n)`. */
export function documentWords(docs: Prisma.Sql, language: string): Prisma.Sql {
  return Prisma.sql`
    docs AS (${docs}),
    doc_words AS (
      SELECT d.id, w.lexeme, cardinality(w.positions) AS n
        FROM docs d
       CROSS JOIN LATERAL unnest(to_tsvector(${language}::regconfig, left(d.body, ${MAX_DOCUMENT_CHARS}))) AS w(lexeme, positions, weights)
       WHERE ${WORD_LEXEME("w.lexeme")}
    )`;
}

/**
 * The most probable value of `model.field` for each document of `docs` (a query of `id, body`),
 * with its probability. Documents with no word the model knows get the most common value at its
 * prior. Nothing for a model without values.
 */
export async function predictDocuments(db: TenantDb, model: ModelShape, docs: Prisma.Sql): Promise<Prediction[]> {
  if (model.labels.length === 0) return [];
  const tenantId = requireTenantId();
  const total = model.labels.reduce((sum, l) => sum + l.cases, 0);
  const v = Math.max(1, model.vocabulary);
  const values = model.labels.map((l) => l.value);
  const priors = model.labels.map((l) => Math.log(l.cases / total));
  const denominators = model.labels.map((l) => Math.log(l.words + v));
  return db.$queryRaw<Prediction[]>`
    WITH ${documentWords(docs, model.language)},
    known AS (
      SELECT w.id, w.lexeme, w.n FROM doc_words w
       WHERE EXISTS (SELECT 1 FROM triage_model_terms t WHERE t.tenant_id = ${tenantId}::uuid AND t.field = ${model.field} AND t.lexeme = w.lexeme)
    ),
    lengths AS (
      SELECT d.id, coalesce(sum(k.n), 0)::float8 AS len FROM docs d LEFT JOIN known k ON k.id = d.id GROUP BY d.id
    ),
    hits AS (
      SELECT k.id, t.label, sum(k.n * ln(t.count + 1)) AS s
        FROM known k JOIN triage_model_terms t ON t.tenant_id = ${tenantId}::uuid AND t.field = ${model.field} AND t.lexeme = k.lexeme
       GROUP BY k.id, t.label
    ),
    labels AS (
      SELECT * FROM unnest(${values}::text[], ${priors}::float8[], ${denominators}::float8[]) AS l(value, prior, denominator)
    ),
    scores AS (
      SELECT n.id, l.value, l.prior - n.len * l.denominator + coalesce(h.s, 0) AS score
        FROM lengths n CROSS JOIN labels l LEFT JOIN hits h ON h.id = n.id AND h.label = l.value
    ),
    shifted AS (
      SELECT id, value, exp(score - max(score) OVER (PARTITION BY id)) AS e FROM scores
    )
    SELECT DISTINCT ON (id) id::text AS id, value, (e / sum(e) OVER (PARTITION BY id))::float8 AS confidence
      FROM shifted
     ORDER BY id, e DESC, value`;
}
