// What the search page asks the search procedure for, shared by the server page (which prefetches
// it) and the client view (which reads the same query from the cache). Not a client module: the
// server page calls these.
import type { CaseChannel, CasePriority, CaseStatus } from "@/lib/validations/case";

export const SEARCH_PAGE_LIMIT = 20;

/** The fields counted beside the results, and narrowed by. */
export const FACET_FIELDS = ["status", "priority", "channel", "category", "businessUnit", "tag"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** The filters as the procedure (and the cases list's URL) take them. */
export interface SearchFilters {
  status?: CaseStatus[];
  priority?: CasePriority[];
  channel?: CaseChannel[];
  category?: string[];
  businessUnit?: string[];
  tag?: string[];
}

/** The procedure's input for the page: facets always, the filters chosen. */
export const searchPageInput = (q: string, filters: SearchFilters) => ({ q, limit: SEARCH_PAGE_LIMIT, surface: "page" as const, facets: true, ...filters });
