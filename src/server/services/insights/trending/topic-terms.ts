// The words and two-word phrases of a period's cases, as SQL shared by the day's baseline count
// and the trending window. A "document" is a case's title and description (for cases created in
// the period) or a customer's message (sent in the period); a term counts once per case, however
// often the case repeats it, so one long thread cannot make a trend.
//
// Postgres' own text search does the language work: `to_tsvector(<the tenant's language>, …)`
// stems ("jammed", "jams" → "jam" in English), drops stop words and keeps each word's position, so two words are a phrase when
// their positions are adjacent (a stop word between them breaks the phrase, as it should: "printer
// is jammed" is not "printer jammed" to a reader either). Lexemes that are not plain words (numbers,
// e-mail addresses, URLs and host names, order ids) are dropped by the pattern.
import type { TextLanguage } from "@/lib/validations/tenant-settings";
import { Prisma } from "@/server/db/generated/client";
/** A document's text beyond this is not read (a pasted log file must not cost the whole run). */
const MAX_DOCUMENT_CHARS = 4000;

/**
 * CTEs `docs(doc, case_id, at, body)` … `per_case(term, case_id, day, at, hits)`: each term with each
 * case it appeared in during [lo, hi), when it first did, and how often. `byDay`: a case counts once
 * per UTC day it mentions the term (the baseline's unit); otherwise once in the period (day null).
 * `language`: the tenant's text search configuration (settings.textLanguage).
 */
/**
 * A lexeme that is a word: no digit (numbers, order ids), none of the characters of addresses and
 * URLs, not a lone letter, no hyphen at either end, at most 40 characters. Written without
 * character classes: [[:alpha:]] follows the database's locale, and under a C locale it matches
 * ASCII letters only, so "überweisung" or "перевод" would never trend.
 */
export const WORD_LEXEME = (column: string) =>
  Prisma.sql`(${Prisma.raw(column)} !~ '[0-9@./:_]' AND ${Prisma.raw(column)} !~ '^-|-$' AND length(${Prisma.raw(column)}) BETWEEN 2 AND 40)`;

export function topicTermCtes(tenantId: string, lo: Date, hi: Date, options: { language: TextLanguage; byDay?: boolean }): Prisma.Sql {
  const day = options.byDay ? Prisma.sql`(at AT TIME ZONE 'UTC')::date` : Prisma.sql`NULL::date`;
  return Prisma.sql`
    docs AS (
      SELECT row_number() OVER () AS doc, d.case_id, d.at, d.body FROM (
        SELECT c.id AS case_id, c.created_at AS at, c.title || ' ' || c.description AS body
          FROM cases c
         WHERE c.tenant_id = ${tenantId}::uuid AND c.created_at >= ${lo} AND c.created_at < ${hi} AND c.merged_into_id IS NULL
        UNION ALL
        SELECT m.case_id, m.created_at, m.body
          FROM case_messages m
         WHERE m.tenant_id = ${tenantId}::uuid AND m.created_at >= ${lo} AND m.created_at < ${hi} AND m.author_type = 'CUSTOMER'
      ) d
    ),
    words AS (
      SELECT d.doc, d.case_id, d.at, w.lexeme, p.pos
        FROM docs d
       CROSS JOIN LATERAL unnest(to_tsvector(${options.language}::regconfig, left(d.body, ${MAX_DOCUMENT_CHARS}))) AS w(lexeme, positions, weights)
       CROSS JOIN LATERAL unnest(w.positions) AS p(pos)
       WHERE ${WORD_LEXEME("w.lexeme")}
    ),
    terms AS (
      SELECT doc, case_id, at, lexeme AS term FROM words
      UNION ALL
      SELECT a.doc, a.case_id, a.at, a.lexeme || ' ' || b.lexeme
        FROM words a JOIN words b ON b.doc = a.doc AND b.pos = a.pos + 1 AND b.lexeme <> a.lexeme
    ),
    per_case AS (
      SELECT term, case_id, ${day} AS day, min(at) AS at, count(*)::int AS hits FROM terms GROUP BY term, case_id, 3
    )`;
}
