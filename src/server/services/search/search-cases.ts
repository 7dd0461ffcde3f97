// Cases for the search palette: the tenant's matches ranked by ts_rank (title words weigh more
// than description words, and both more than messages: a case found only by one of its replies or
// internal notes ranks after those whose own text matches), recency breaking ties, each with an
// HTML snippet (of the newest matching message, for a case found by one).
//
// What is ranked: the newest CANDIDATES matches (ids are UUIDv7, so the highest ids are the newest
// cases), from app_case_search_newest, never from `@@` in this query: under caseboard_app's
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
 * The CTEs `query` (the typed words as a tsquery, and the tenant's text search configuration) and
 * `matched` (the ids of the newest `howMany` of the tenant's cases whose title or description
 * match, or, while those are fewer than `howMany`, also of the cases of the newest `howMany`
 * matching messages: replies and internal notes). A case found by a message ranks after every
 * case whose own text matches, so past `howMany` of those it could not reach the results.
 */
export const matchedCtes = (q: string, howMany: number = CANDIDATES) =>
  Prisma.sql`query AS MATERIALIZED (SELECT ${typedTsQuerySql(q)} AS q, ${TEXT_CONFIG} AS config),
    text_matched AS MATERIALIZED (SELECT m.id FROM query, app_case_search_newest(query.q, ${howMany}::int) AS m(id)),
    matched AS MATERIALIZED (
      SELECT id FROM text_matched
      UNION
      SELECT m.id FROM query, app_message_search_newest(query.q, ${howMany}::int) AS m(id)
       WHERE (SELECT count(*) FROM text_matched) < ${howMany}::int)`;

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
 * The words of a search, for the similarity fallback: letters and digits, lower case. Only plain
 * words fall back: a search with websearch syntax ("a phrase", -exclude, or) said exactly what it
 * wants, and "titles like arrived" must not bring back the cases "-damaged" excluded. Null then,
 * or when fewer than three letters remain (a trigram needs them).
 */
export function similarityWords(q: string): string | null {
  const raw = q.trim().toLowerCase();
  if (raw.includes('"') || /(^|\s)-\S/.test(raw) || /(^|\s)or(\s|$)/.test(raw)) return null;
  const text = (raw.match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
  return text.replace(/\s/g, "").length >= 3 ? text : null;
}

/**
 * Cases whose title holds a word like one typed, most alike first: what the search offers when its
 * words match no case (a typo). The snippet is the escaped title, without marks (no word matched).
 */
async function similarTitles(db: TenantDb, words: string, limit: number): Promise<CaseHit[]> {
  return db.$queryRaw<CaseHit[]>`
    SELECT c.id::text AS id, c.number, c.title, c.status::text AS status, c.priority::text AS priority, s.likeness::float8 AS rank,
           replace(replace(replace(c.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS snippet
      FROM app_case_title_similar_ids(${words}, ${limit}::int) s
      CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.tenant_id = ${requireTenantId()}::uuid AND c.id = s.id OFFSET 0) c
     ORDER BY s.likeness DESC, c.created_at DESC, c.id DESC`;
}

export async function searchCases(db: TenantDb, q: string, limit: number): Promise<{ hits: CaseHit[]; total: number; similar: boolean }> {
  // One statement: the matches once (MATERIALIZED), counted up to the cap and ranked from the
  // newest candidates.
  const rows = await db.$queryRaw<(RankedRow & { total: number })[]>`
    WITH ${matchedCtes(q)}
    ${rankedCasesSql("matched", limit, Prisma.sql`(SELECT count(*)::int AS total FROM (SELECT 1 FROM matched LIMIT ${TOTAL_CAP}) capped)`)}`;
  const total = rows[0]?.total ?? 0;
  if (total > 0) return { hits: hitsOf(rows), total, similar: false };
  return similarCases(db, q, limit);
}

/** Nothing matched the words: perhaps a typo. Titles with a word like one typed, if any. */
export async function similarCases(db: TenantDb, q: string, limit: number): Promise<{ hits: CaseHit[]; total: number; similar: boolean }> {
  const words = similarityWords(q);
  const similar = words ? await similarTitles(db, words, limit) : [];
  return { hits: similar, total: similar.length, similar: similar.length > 0 };
}
