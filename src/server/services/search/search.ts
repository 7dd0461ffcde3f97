// The search palette: cases and customers of the tenant matching what the user is typing, in one
// tenant transaction. The input and output schemas live here so the procedure, the REST surface
// and any script share them.
import { z } from "zod";
import { casePrioritySchema, caseStatusSchema } from "@/lib/validations/case";
import { text } from "@/lib/validations/text";
import type { TenantDb } from "@/server/db/tenant-db";
import { recordSearch } from "./analytics";
import { searchCases, similarCases, TOTAL_CAP } from "./search-cases";
import { facetsOutput, hasFilter, searchFilterSchema, type SearchFilter } from "@/lib/validations/search-filters";
import { searchFilteredCases } from "./search-filtered";
import { searchCustomers } from "./search-customers";
import { SEARCH_KINDS } from "./search-kinds";

export { SEARCH_KINDS };

export const searchInput = z.object({
  /** As typed: words, "phrases", -exclusions and `or` as in the cases list; the last word may be unfinished. */
  q: text().trim().min(1).max(200),
  /** Which kinds to search; all when not given. */
  kinds: z.array(z.enum(SEARCH_KINDS)).min(1).max(SEARCH_KINDS.length).optional(),
  /** Hits per kind. */
  limit: z.number().int().min(1).max(50).default(10),
  /** Where the search is made, for search analytics: the search page or the palette. Scripts leave it out. */
  surface: z.enum(["page", "palette"]).optional(),
  /** Counts of the matching cases per status, priority, channel, category, business unit and tag. */
  facets: z.boolean().default(false),
  /** Cases only: the cases list's filters (any of the values within a field, every field). */
  ...searchFilterSchema.shape,
});
export type SearchInput = z.output<typeof searchInput>;

export const searchOutput = z.object({
  /** This search's record: report a result opened from it with search.recordOpen. */
  searchId: z.uuid(),
  cases: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      title: z.string(),
      status: caseStatusSchema,
      priority: casePrioritySchema,
      /** HTML: the text around the match, escaped, the matched words in <mark>. */
      snippet: z.string(),
      /** ts_rank of the match (title words weigh more than description words), or the title's word similarity for similar cases; higher is better. */
      rank: z.number(),
    }),
  ),
  customers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      company: z.string().nullable(),
      /** HTML: the name (and the company when the match is there), escaped, the match in <mark>. */
      snippet: z.string(),
    }),
  ),
  /** With `facets`: the matching cases counted per value of each field (each field's own filter left out). */
  facets: facetsOutput,
  /** True when no case matched the words and `cases` holds cases with a title word like one typed (a typo, most alike first). */
  similarCases: z.boolean(),
  /** Matches per kind, counted up to 1,000: 1000 means "1,000 or more". */
  totals: z.object({ cases: z.number().int().max(TOTAL_CAP), customers: z.number().int().max(TOTAL_CAP) }),
});
export type SearchResult = z.output<typeof searchOutput>;

/** Who searches: customers come back only for callers who may read them; API keys have no user. */
export interface Searcher {
  userId: string | null;
  isApiKey: boolean;
  canReadCustomers: boolean;
  /** Exact e-mail addresses find their customer (through the blind index) only for these. */
  canReadPii: boolean;
}

/** The input's case filters alone. */
const filterOf = (input: SearchInput): SearchFilter =>
  Object.fromEntries(Object.keys(searchFilterSchema.shape).map((key) => [key, input[key as keyof SearchFilter]])) as SearchFilter;

/**
 * The palette's plain search, or the filtered one (filters or facets asked for). Without filters,
 * words that match nothing fall back to similar titles on either path (a typo); with filters they
 * do not, since the filters already said what is wanted.
 */
async function caseResults(db: TenantDb, q: string, limit: number, filter: SearchFilter, options: { userId: string | null; facets: boolean }) {
  const filtered = hasFilter(filter);
  if (!filtered && !options.facets) return { ...(await searchCases(db, q, limit)), facets: null };
  const result = await searchFilteredCases(db, q, limit, filter, options);
  if (result.total > 0 || filtered) return { ...result, similar: false };
  return { ...(await similarCases(db, q, limit)), facets: result.facets };
}

export async function search(db: TenantDb, input: SearchInput, searcher: Searcher): Promise<SearchResult> {
  const started = performance.now();
  const kinds = new Set(input.kinds ?? SEARCH_KINDS);
  const none = { hits: [], total: 0, similar: false, facets: null };
  const filter = filterOf(input);
  const cases = kinds.has("case") ? await caseResults(db, input.q, input.limit, filter, { userId: searcher.userId, facets: input.facets }) : none;
  const customers = kinds.has("customer") && searcher.canReadCustomers ? await searchCustomers(db, input.q, input.limit, { canReadPii: searcher.canReadPii }) : none;
  const searchId = await recordSearch(db, {
    userId: searcher.userId,
    q: input.q,
    kinds: [...kinds],
    filters: filter,
    resultCount: cases.total + customers.total,
    latencyMs: performance.now() - started,
    surface: searcher.isApiKey || !input.surface ? "API" : input.surface === "page" ? "PAGE" : "PALETTE",
  });
  return {
    searchId,
    cases: cases.hits,
    similarCases: cases.similar,
    facets: cases.facets,
    customers: customers.hits,
    totals: { cases: cases.total, customers: customers.total },
  };
}
