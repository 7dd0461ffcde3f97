// Cases for the search palette: the tenant's matches ranked by ts_rank (title words weigh more
// than description words, and both more than messages: a case found only by one of its replies or
// internal notes ranks after those whose own text matches), recency breaking ties, each with an
// HTML snippet (of the newest matching message, for a case found by one).
//
// What is ranked: the newest CANDIDATES matches (ids are UUIDv7, so the highest ids are the newest
// cases), from app_search_newest, never from `@@` in this query: under caseboard_app's
// row-level security `@@` (not leakproof) cannot use the search index (migration
// 20261130001100_case_search). The function picks its plan per call: the index for a rare word,
// the primary key walked backwards for a common one (a word in a quarter of 1M cases has its
// newest 2,000 matches among the newest ~8,000 cases, where reading all 230k matches' ids took
// ~500 ms). Ranking reads the stored vectors (search_vector), no text is parsed again. An old case
// that would outrank the candidates is missed; the cases list's `q` still finds every match.
import type { CasePriority, CaseStatus } from "@/lib/validations/case";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { TEXT_CONFIG, typedTsQuerySql } from "./typed-query";

/** How many of the most recent matches are ranked. */
export const CANDIDATES = 2_000;
/** Totals are counted up to this many. */
export const TOTAL_CAP = 1_000;

export interface CaseHit {
  id: string;
  number: number;
  title: string;
  status: CaseStatus;
  priority: CasePriority;
  /** Title and description around the match, HTML-escaped, matches in <mark>. */
  snippet: string;
  rank: number;
}

// The snippet is shown as HTML: the text is escaped before ts_headline adds its <mark>s (the
// parser reads &lt; and the like as entities, not words, so a match never lands inside one).
const ESCAPED_TEXT = `replace(replace(replace(r.title || ' — ' || r.description, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
const ESCAPED_MESSAGE = `replace(replace(replace(msg.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')`;
const HEADLINE_OPTIONS = "StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, ShortWord=2";

/** A row of rankedCasesSql: the totals of `t` on every row, and a hit (id null when there is none). */
export interface RankedRow {
  id: string | null;
  number: number;
  title: string;
  status: CaseStatus;
  priority: CasePriority;
  rank: number;
  snippet: string;
}

/**
 * The CTEs `query` (the words as a tsquery, and the tenant's text search configuration) and
 * `matched`: the ids of the newest `howMany` of the tenant's cases whose title or description
 * match and, while those are fewer than `messagesBelow`, of the cases of the newest
 * `messagesBelow` matching messages (replies and internal notes). A case found by a message ranks
 * after every case whose own text matches, so the palette needs them only to count up to TOTAL_CAP
 * (and to fill a page, which needs fewer); the page with filters and facets counts up to its scan.
 */
export const matchedCtes = (tsquery: Prisma.Sql, howMany: number = CANDIDATES, messagesBelow: number = TOTAL_CAP) =>
  Prisma.sql`query AS MATERIALIZED (SELECT ${tsquery} AS q, ${TEXT_CONFIG} AS config),
    text_matched AS MATERIALIZED (SELECT m.id FROM query, app_search_newest('cases', query.q, ${howMany}::int) AS m(id)),
    matched AS MATERIALIZED (
      SELECT id FROM text_matched
      UNION
      SELECT m.id FROM query, app_search_newest('messages', query.q, ${messagesBelow}::int) AS m(id)
       WHERE (SELECT count(*) FROM text_matched) < ${messagesBelow}::int)`;

/**
 * The end of a search statement, after `matchedCtes` and any CTEs of the caller's: the newest
 * CANDIDATES ids of the CTE `source` ranked, the best `limit` with their snippets, each row also
 * carrying the columns of `totals` (a one-row subquery). Each candidate is read by its primary key,
 * (tenant_id, id): OFFSET 0 keeps the lateral subquery a per-row lookup, where a join let the
 * planner (which cannot know how many candidates the function returns) hash all of the tenant's
 * cases (30 ms instead of 4 for a rare word at 50k cases). Headlines only for the page, being the
 * costliest part per row.
 */
export function rankedCasesSql(source: "matched" | "filtered", limit: number, totals: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`,
    ranked AS (
      SELECT c.id, c.number, c.title, c.description, c.status, c.priority, c.created_at, c.search_vector,
             ts_rank(c.search_vector, query.q) AS rank
        FROM (SELECT id FROM ${Prisma.raw(source)} ORDER BY id DESC LIMIT ${CANDIDATES}) k
        CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.tenant_id = ${requireTenantId()}::uuid AND c.id = k.id OFFSET 0) c, query
       ORDER BY rank DESC, c.created_at DESC, c.id DESC
       LIMIT ${limit}
    )
    SELECT t.*, r.id::text AS id, r.number, r.title, r.status::text AS status, r.priority::text AS priority, r.rank::float8 AS rank,
           CASE WHEN msg.body IS NULL THEN ts_headline(query.config, ${Prisma.raw(ESCAPED_TEXT)}, query.q, ${HEADLINE_OPTIONS})
                ELSE (CASE msg.kind WHEN 'INTERNAL_NOTE' THEN 'Internal note: ' ELSE 'Message: ' END)
                     || ts_headline(query.config, ${Prisma.raw(ESCAPED_MESSAGE)}, query.q, ${HEADLINE_OPTIONS}) END AS snippet
      FROM ${totals} t
      CROSS JOIN query
      LEFT JOIN ranked r ON true
      -- A case found by a message (its own text does not match): the newest matching message is its snippet.
      LEFT JOIN LATERAL (
        SELECT m.kind::text AS kind, m.body FROM case_messages m
         WHERE m.tenant_id = ${requireTenantId()}::uuid AND m.case_id = r.id AND m.search_vector @@ query.q
         ORDER BY m.created_at DESC LIMIT 1
      ) msg ON r.id IS NOT NULL AND NOT (r.search_vector @@ query.q)
     ORDER BY r.rank DESC, r.created_at DESC, r.id DESC`;
}

/** The hits of rankedCasesSql's rows, in order. */
export const hitsOf = (rows: readonly RankedRow[]): CaseHit[] =>
  rows.flatMap((r) => (r.id ? [{ id: r.id, number: r.number, title: r.title, status: r.status, priority: r.priority, snippet: r.snippet, rank: r.rank }] : []));

/**
 * The words of a search, for the typo fallback: letters and digits, lower case. Only plain words
 * fall back: a search with websearch syntax ("a phrase", -exclude, or) said exactly what it wants,
 * and words like "arrived" must not bring back the cases "-damaged" excluded. Null then, or when
 * no word of three letters or more remains (a trigram needs them).
 */
export function similarityWords(q: string): string[] | null {
  const raw = q.trim().toLowerCase();
  if (raw.includes('"') || /(^|\s)-\S/.test(raw) || /(^|\s)or(\s|$)/.test(raw)) return null;
  const words = (raw.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3);
  return words.length > 0 ? words.slice(0, 8) : null;
}

/** Ranked cases for a tsquery: one statement, the matches once, counted up to the cap. */
async function rankedSearch(db: TenantDb, tsquery: Prisma.Sql, limit: number): Promise<{ hits: CaseHit[]; total: number }> {
  const rows = await db.$queryRaw<(RankedRow & { total: number })[]>`
    WITH ${matchedCtes(tsquery)}
    ${rankedCasesSql("matched", limit, Prisma.sql`(SELECT count(*)::int AS total FROM (SELECT 1 FROM matched LIMIT ${TOTAL_CAP}) capped)`)}`;
  return { hits: hitsOf(rows), total: rows[0]?.total ?? 0 };
}

export async function searchCases(db: TenantDb, q: string, limit: number): Promise<{ hits: CaseHit[]; total: number; similar: boolean }> {
  const result = await rankedSearch(db, typedTsQuerySql(q), limit);
  if (result.total > 0) return { ...result, similar: false };
  return similarCases(db, q, limit);
}

/**
 * Nothing matched the words: perhaps a typo. Each word is replaced by the tenant's words most like
 * it (up to three, any of them; from its vocabulary, services/search/search-terms.ts), and the
 * cases matching all of the replaced words are ranked as a search for them would be.
 */
export async function similarCases(db: TenantDb, q: string, limit: number): Promise<{ hits: CaseHit[]; total: number; similar: boolean }> {
  const words = similarityWords(q);
  if (!words) return { hits: [], total: 0, similar: false };
  // Each typed word is stemmed as the vocabulary was ("invoce" → "invoc", like "invoic" where
  // "invoce" and "invoice" are less alike); a stop word has no stem and is left out. The
  // vocabulary holds no backslash, so quote_literal quotes each word as tsquery text quotes a
  // lexeme; they are the stored forms already (stemmed), so they are not parsed again.
  const [row] = await db.$queryRaw<{ corrected: string | null }[]>`
    SELECT string_agg(x.alternatives, ' & ' ORDER BY x.ord) AS corrected
      FROM (SELECT w.ord, '(' || string_agg(quote_literal(s.term), ' | ' ORDER BY s.likeness DESC) || ')' AS alternatives
              FROM unnest(${words}::text[]) WITH ORDINALITY AS w(word, ord)
              CROSS JOIN LATERAL (SELECT (tsvector_to_array(to_tsvector(${TEXT_CONFIG}, w.word)))[1] AS stem) st
              CROSS JOIN LATERAL app_search_term_similar(st.stem, 3) s
             WHERE st.stem IS NOT NULL
             GROUP BY w.ord) x`;
  if (!row?.corrected) return { hits: [], total: 0, similar: false };
  const result = await rankedSearch(db, Prisma.sql`${row.corrected}::tsquery`, limit);
  return { ...result, similar: result.total > 0 };
}
