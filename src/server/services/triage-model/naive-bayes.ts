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
  // MATERIALIZED: each text is stemmed once, whatever the plan around it.
  return Prisma.sql`
    docs AS MATERIALIZED (${docs}),
    doc_words AS MATERIALIZED (
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
  return db.$queryRaw<Prediction[]>(predictionSql(model, docs, requireTenantId()));
}

/** The statement predictDocuments runs (exported for EXPLAIN in tests and benchmarks). */
export function predictionSql(model: ModelShape, docs: Prisma.Sql, tenantId: string): Prisma.Sql {
  const total = model.labels.reduce((sum, l) => sum + l.cases, 0);
  const v = Math.max(1, model.vocabulary);
  const values = model.labels.map((l) => l.value);
  const priors = model.labels.map((l) => Math.log(l.cases / total));
  const denominators = model.labels.map((l) => Math.log(l.words + v));
  // Written without joins between these intermediate results: the planner knows nothing of their
  // sizes (and a freshly trained model's counts have no statistics yet, the embedded database
  // having no autovacuum), and with joins it chose nested loops that compared every word of 1,000
  // held-out cases with every stored count (45 s). Here the counts are probed by each word through
  // the primary key (a LATERAL lookup kept as one by OFFSET 0, which stops the planner from pulling
  // it up into a join it may turn around), and the rest are aggregations and a cross join with the
  // handful of values.
  return Prisma.sql`
    WITH ${documentWords(docs, model.language)},
    word_counts AS MATERIALIZED (
      SELECT w.id, w.lexeme, w.n, t.label, t.count
        FROM doc_words w
       CROSS JOIN LATERAL (
         SELECT t.label, t.count FROM triage_model_terms t
          WHERE t.tenant_id = ${tenantId}::uuid AND t.field = ${model.field} AND t.lexeme = w.lexeme
         OFFSET 0
       ) t
    ),
    -- Each document's length in words the model knows (0 for one it knows none of).
    lengths AS (
      SELECT id, sum(n)::float8 AS len FROM (
        SELECT DISTINCT id, lexeme, n FROM word_counts
        UNION ALL
        SELECT id, NULL, 0 FROM docs
      ) k GROUP BY id
    ),
    labels AS (
      SELECT * FROM unnest(${values}::text[], ${priors}::float8[], ${denominators}::float8[]) AS l(value, prior, denominator)
    ),
    parts AS (
      SELECT n.id, l.value, l.prior - n.len * l.denominator AS part FROM lengths n CROSS JOIN labels l
      UNION ALL
      SELECT id, label, n * ln(count + 1) FROM word_counts
    ),
    scores AS (
      SELECT id, value, sum(part) AS score FROM parts GROUP BY id, value
    ),
    shifted AS (
      SELECT id, value, exp(score - max(score) OVER (PARTITION BY id)) AS e FROM scores
    )
    SELECT DISTINCT ON (id) id::text AS id, value, (e / sum(e) OVER (PARTITION BY id))::float8 AS confidence
      FROM shifted
     ORDER BY id, e DESC, value`;
}
