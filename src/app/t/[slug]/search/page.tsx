import type { Metadata } from "next";
import { SEARCH_PAGE_LIMIT, SearchView } from "@/components/search/search-view";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string | string[] }> }) {
  const { slug } = await params;
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, 200);
  if (q) await prefetch(trpc.search.query.queryOptions({ q, limit: SEARCH_PAGE_LIMIT, surface: "page" }));
  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Search</h1>
      <div className="mt-4">
        <HydrateClient>
          <SearchView slug={slug} initialQuery={q} />
        </HydrateClient>
      </div>
    </div>
  );
}
