// What the search page asks the search procedure for, shared by the server page (which prefetches
// it) and the client view (which reads the same query from the cache). Not a client module: the
// server page calls these.
import type { FacetField, SearchFilter } from "@/lib/validations/search-filters";

export { FACET_FIELDS, type FacetField } from "@/lib/validations/search-filters";

export const SEARCH_PAGE_LIMIT = 20;

/** The filters the page narrows by: the facets' fields, as the procedure (and the cases list's URL) take them. */
export type SearchFilters = Pick<SearchFilter, FacetField>;

/** The procedure's input for the page: facets always, the filters chosen. */
export const searchPageInput = (q: string, filters: SearchFilters) => ({ q, limit: SEARCH_PAGE_LIMIT, surface: "page" as const, facets: true, ...filters });
