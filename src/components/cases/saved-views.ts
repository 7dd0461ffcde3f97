// Pure helpers of the saved-views menu: which views go in which group, the list URL a view
// opens, and which view (if any) the current URL shows. Kept free of React so they are tested.
import type { CaseListQuery } from "@/lib/validations/case-filters";
import { caseListSearch } from "./case-list-params";

export interface ViewLike {
  id: string;
  name: string;
  shared: boolean;
  filters: CaseListQuery;
}

/** Personal views first (the caller's own), then the team's shared ones; each by name. */
export function groupViews<V extends ViewLike>(views: readonly V[]): { personal: V[]; shared: V[] } {
  const byName = (a: V, b: V) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });
  return {
    personal: views.filter((v) => !v.shared).sort(byName),
    shared: views.filter((v) => v.shared).sort(byName),
  };
}

/** The list URL of a view. The URL is the list's whole state, so applying a view is navigating. */
export function viewHref(base: string, filters: Partial<CaseListQuery>): string {
  return `${base}${caseListSearch(filters)}`;
}

/**
 * The view the list currently shows: `preferred` (the view the member last applied or saved here)
 * while the list still shows its filters, else the first whose URL equals the current query's URL.
 * Two views may hold the same filters; the one just chosen is the one the member expects named.
 * Comparing URLs (not objects) ignores defaults and key order, as the page itself does.
 */
export function activeViewId(views: readonly ViewLike[], query: Partial<CaseListQuery>, preferred: string | null = null): string | null {
  const current = caseListSearch(query);
  const shows = (v: ViewLike) => caseListSearch(v.filters) === current;
  const chosen = preferred ? views.find((v) => v.id === preferred) : undefined;
  if (chosen && shows(chosen)) return chosen.id;
  return views.find(shows)?.id ?? null;
}
