"use client";
// The search page: one box over the tenant's cases (ranked, title words first, with the matched
// words marked) and customers, as you type, with facets that narrow the cases; the query and the
// filters live in the URL (?q=…&status=OPEN) so a search can be shared and reloaded. The cases
// list takes the same query and filters for filtering and bulk work.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { FileText, Search, User } from "lucide-react";
import { Link } from "@/components/ui/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { StatusBadge } from "@/components/cases/case-badges";
import { caseListSearch } from "@/components/cases/case-list-params";
import { useDebounced } from "@/components/command/use-debounced";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { Highlighted } from "./highlighted";
import { FacetPanel, FilterChips } from "./search-facets";
import { FACET_FIELDS, searchPageInput, type SearchFilters } from "./search-page-input";
import { useRecordOpen } from "./use-record-open";

const TOTAL_CAP = 1000;
const countText = (n: number) => (n >= TOTAL_CAP ? "1,000+" : n.toLocaleString("en"));

export function SearchView({ slug, initialQuery, initialFilters = {} }: { slug: string; initialQuery: string; initialFilters?: SearchFilters }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(initialQuery);
  const [filters, setFilters] = useState<SearchFilters>(initialFilters);
  const recordOpen = useRecordOpen();
  const q = useDebounced(text.trim(), 250);
  const { data, isFetching, isError } = useQuery({
    ...trpc.search.query.queryOptions(searchPageInput(q, filters)),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  // The URL follows the query and filters (replace: typing is not a history of pages).
  const listSearch = caseListSearch({ q: q || undefined, ...filters });
  useEffect(() => {
    router.replace(`${pathname}${listSearch}`, { scroll: false });
  }, [listSearch, pathname, router]);

  const shown = q.length > 0 ? data : undefined;
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_13rem]">
    <div className="min-w-0 space-y-5">
      <label className="relative block">
        <span className="sr-only">Search cases and customers</span>
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-slate-500" aria-hidden />
        <input
          type="search"
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={200}
          placeholder='Words, "a phrase", -exclude, a or b'
          className="h-11 w-full rounded-lg border border-slate-300 bg-white pl-9 pr-3 text-sm shadow-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20"
        />
      </label>
      <p className="text-xs text-slate-600" aria-live="polite">
        {!q ? "Type to search case titles and descriptions, and customers by name or company." : isFetching ? "Searching…" : isError ? "The search failed. Try again." : null}
      </p>

      <FilterChips filters={filters} onChange={setFilters} />
      {/* On a phone the facets fold above the results; beside them from md up. */}
      {shown?.facets ? (
        <details className="rounded-lg border border-slate-200 bg-white px-3 py-2 md:hidden">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Filter the cases</summary>
          <div className="mt-3">
            <FacetPanel facets={shown.facets} filters={filters} onChange={setFilters} />
          </div>
        </details>
      ) : null}

      {shown ? (
        <>
          <section aria-labelledby="search-cases">
            <div className="mb-2 flex items-baseline justify-between">
              <h2 id="search-cases" className="text-sm font-semibold">
                {shown.similarCases ? (
                  <>
                    Cases <span className="font-normal text-slate-600">· no exact match; cases with similar words</span>
                  </>
                ) : (
                  <>
                    Cases <span className="font-normal text-slate-600">({countText(shown.totals.cases)})</span>
                  </>
                )}
              </h2>
              {shown.totals.cases > shown.cases.length && !shown.similarCases ? (
                <Link href={`/t/${slug}/cases${listSearch}`} className="text-xs font-medium text-brand-700 hover:underline">
                  All matching cases in the list →
                </Link>
              ) : null}
            </div>
            <Card className="divide-y divide-slate-100">
              {shown.cases.map((c, i) => (
                <Link key={c.id} href={`/t/${slug}/cases/${c.number}`} onClick={() => recordOpen(shown.searchId, i + 1, "case", c.id)} className="flex items-start gap-3 px-4 py-3 hover:bg-slate-50">
                  <FileText className="mt-0.5 size-4 shrink-0 text-slate-500" aria-hidden />
                  <div className="min-w-0 flex-1">
                    <p className="flex items-center gap-2 text-sm">
                      <span className="font-mono text-xs text-slate-600">#{c.number}</span>
                      <span className="truncate font-medium text-slate-900">{c.title}</span>
                    </p>
                    <Highlighted snippet={c.snippet} className="mt-0.5 line-clamp-2 block text-sm text-slate-700" />
                  </div>
                  <StatusBadge status={c.status} />
                </Link>
              ))}
              {shown.cases.length === 0 ? (
                <p className="px-4 py-6 text-center text-sm text-slate-600">No case matches “{q}”{FACET_FIELDS.some((f) => filters[f]?.length) ? " with these filters" : ""}.</p>
              ) : null}
            </Card>
          </section>

          {shown.customers.length || shown.totals.customers ? (
            <section aria-labelledby="search-customers">
              <h2 id="search-customers" className="mb-2 text-sm font-semibold">
                Customers <span className="font-normal text-slate-600">({countText(shown.totals.customers)})</span>
              </h2>
              <Card className="divide-y divide-slate-100">
                {shown.customers.map((c, i) => (
                  <Link key={c.id} href={`/t/${slug}/customers/${c.id}`} onClick={() => recordOpen(shown.searchId, i + 1, "customer", c.id)} className="flex items-center gap-3 px-4 py-3 text-sm hover:bg-slate-50">
                    <User className="size-4 shrink-0 text-slate-500" aria-hidden />
                    <Highlighted snippet={c.snippet} className="min-w-0 truncate" />
                  </Link>
                ))}
              </Card>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
      {shown?.facets ? (
        <aside aria-label="Narrow the cases" className="hidden md:block">
          <FacetPanel facets={shown.facets} filters={filters} onChange={setFilters} />
        </aside>
      ) : null}
    </div>
  );
}
