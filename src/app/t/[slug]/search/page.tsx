import type { Metadata } from "next";
import type { SearchParams } from "@/components/cases/case-list-params";
import { parseCaseListQuery } from "@/components/cases/parse-case-list-query";
import { FACET_FIELDS, searchPageInput, type SearchFilters } from "@/components/search/search-page-input";
import { SearchView } from "@/components/search/search-view";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const { slug } = await params;
  // The cases list's own URL reading: the same parameters mean the same filters on both pages.
  const query = parseCaseListQuery(await searchParams);
  const q = (query.q ?? "").trim().slice(0, 200);
  const filters: SearchFilters = Object.fromEntries(FACET_FIELDS.flatMap((f) => (query[f]?.length ? [[f, query[f]]] : []))) as SearchFilters;
  if (q) await prefetch(trpc.search.query.queryOptions(searchPageInput(q, filters)));
  return (
    <div className="mx-auto max-w-5xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Search</h1>
      <div className="mt-4">
        <HydrateClient>
          <SearchView slug={slug} initialQuery={q} initialFilters={filters} />
        </HydrateClient>
      </div>
    </div>
  );
}
