// The search box's text as a tsquery while the user is still typing: every word but the last is
// read as websearch_to_tsquery reads the cases list's `q` (words, "phrases", -exclusions, or), and
// the last one, unfinished, as a prefix, so "prin" already finds "printer". Words are read in the
// tenant's text search language (app_text_config), as the stored vectors were written.
//
// User input never reaches tsquery syntax: websearch_to_tsquery accepts any text without an error,
// and the prefix is reduced here to letters and digits before it is quoted, so to_tsquery only
// ever sees 'word':*. Both go in as bound parameters.
import { Prisma } from "@/server/db/generated/client";

/**
 * The tenant's text search configuration (settings.textLanguage), the one its cases' and messages'
 * search_vector were written with (migration 20261201193000_search_vectors).
 */
export const TEXT_CONFIG = Prisma.sql`app_text_config(app_current_tenant())`;

/**
 * `q` read as websearch_to_tsquery reads it, in the tenant's language. A scalar subquery, so a
 * condition on many rows computes it once (an InitPlan), not once per row.
 */
export const websearchTsQuerySql = (q: string) => Prisma.sql`(SELECT websearch_to_tsquery(${TEXT_CONFIG}, ${q}))`;

/** What the parser keeps as words: letters and digits; anything else separates them. */
const WORD = /[\p{L}\p{N}]+/gu;

export interface TypedQuery {
  /** Read with websearch_to_tsquery; empty when there is nothing before the prefix. */
  complete: string;
  /** The unfinished last word, letters and digits only; null when the last word is not one to complete. */
  prefix: string | null;
}

export function splitTypedQuery(q: string): TypedQuery {
  const text = q.trim();
  const at = text.search(/\S+$/);
  const last = at < 0 ? "" : text.slice(at);
  // Inside or right after a "phrase", an -exclusion or the word `or`: websearch syntax, not a word being typed.
  const quoted = last.includes('"') || (text.split('"').length - 1) % 2 === 1;
  if (!last || quoted || last.startsWith("-") || last.toLowerCase() === "or") return { complete: text, prefix: null };
  const words = last.match(WORD) ?? [];
  const prefix = words.pop();
  if (!prefix) return { complete: text, prefix: null };
  return { complete: [text.slice(0, at).trim(), ...words].filter(Boolean).join(" "), prefix };
}

/** The tsquery of `q` as SQL (never fails to parse; matches nothing when `q` has no words). */
export function typedTsQuerySql(q: string): Prisma.Sql {
  const { complete, prefix } = splitTypedQuery(q);
  const parts: Prisma.Sql[] = [];
  if (complete) parts.push(Prisma.sql`websearch_to_tsquery(${TEXT_CONFIG}, ${complete})`);
  if (prefix) parts.push(Prisma.sql`to_tsquery(${TEXT_CONFIG}, quote_literal(${prefix}) || ':*')`);
  return parts.length ? Prisma.join(parts, " && ") : Prisma.sql`''::tsquery`;
}
