import type { Metadata } from "next";
import { InsightsTabs } from "@/components/insights/insights-tabs";
import { CreatedChart } from "@/components/overview/created-chart";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatInZone } from "@/lib/format";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Search insights" };

const PERIODS = [7, 30, 90] as const;
const percent = (share: number) => `${Math.round(share * 100)} %`;
const SURFACE_LABEL = { PAGE: "Search page", PALETTE: "⌘K palette", API: "API and scripts" } as const;

/** What members search for: how much, what they open, and what they look for and do not find. */
export default async function SearchInsightsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ days?: string }> }) {
  const { slug } = await params;
  const asked = Number((await searchParams).days);
  const days = PERIODS.find((d) => d === asked) ?? 30;
  const [report, view] = await Promise.all([orNotFound(() => api.search.analytics({ days, limit: 20 })), loadTenant(slug)]);
  const timeZone = view.state === "active" ? view.tenant.displayTimeZone : "UTC";
  const base = `/t/${slug}/insights/search`;
  const { totals } = report;

  return (
    <div className="mx-auto max-w-5xl px-4 py-6 md:px-8">
      <InsightsTabs slug={slug} current="search" canReadSearch />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Search insights</h1>
          <p className="mt-1 text-sm text-slate-600">What members and scripts search for, what they open, and what they do not find. Searches are kept 90 days.</p>
        </div>
        <nav aria-label="Period" className="flex rounded-md border border-slate-300 text-sm">
          {PERIODS.map((d) => (
            <Link
              key={d}
              href={`${base}?days=${d}`}
              aria-current={d === days ? "page" : undefined}
              className={cn("px-3 py-1.5 first:rounded-l-md last:rounded-r-md", d === days ? "bg-brand-600 font-medium text-white" : "text-slate-700 hover:bg-slate-50")}
            >
              {d} days
            </Link>
          ))}
        </nav>
      </div>

      <dl className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        {[
          ["Searches", totals.searches.toLocaleString("en-US")],
          ["Opened a result", totals.searches ? percent(totals.withOpens / totals.searches) : "–"],
          ["Found nothing", totals.searches ? percent(totals.noResults / totals.searches) : "–"],
          ["Median time", totals.p50LatencyMs === null ? "–" : `${totals.p50LatencyMs} ms`],
        ].map(([label, value]) => (
          <Card key={label} className="px-4 py-3">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
          </Card>
        ))}
      </dl>

      <Card className="mt-6 p-4">
        <h2 className="mb-3 text-sm font-semibold">Searches per day</h2>
        <CreatedChart days={report.daily.map((d) => ({ date: d.day, count: d.searches }))} words={{ noun: "searches", verb: "searches" }} />
        <p className="mt-3 text-xs text-slate-600">
          {report.bySurface.map((s) => `${SURFACE_LABEL[s.surface]}: ${s.searches.toLocaleString("en-US")}`).join(" · ")} · {totals.searchers} {totals.searchers === 1 ? "member" : "members"}
        </p>
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="top-queries">
          <h2 id="top-queries" className="mb-2 text-sm font-semibold">Top queries</h2>
          <Card className="overflow-x-auto">
            {report.topQueries.length === 0 ? (
              <p className="px-4 py-6 text-center text-sm text-slate-600">No searches in the last {days} days. Searches from the ⌘K palette, the search page and the API show here.</p>
            ) : (
              <table className="w-full text-sm">
                <thead className="text-left text-xs text-slate-600">
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="px-4 py-2 font-medium">Query</th>
                    <th scope="col" className="px-2 py-2 text-right font-medium">Searches</th>
                    <th scope="col" className="px-2 py-2 text-right font-medium" title="Searches from which a result was opened">Opened</th>
                    <th scope="col" className="px-2 py-2 text-right font-medium" title="Mean position of the results opened (1 = first)">Position</th>
                    <th scope="col" className="px-4 py-2 text-right font-medium">Results</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {report.topQueries.map((q) => (
                    <tr key={q.query}>
                      <td className="max-w-64 truncate px-4 py-2">
                        <Link href={`/t/${slug}/search?${new URLSearchParams({ q: q.query })}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                          {q.query}
                        </Link>
                      </td>
                      <td className="px-2 py-2 text-right tabular-nums">{q.searches}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{percent(q.clickThrough)}</td>
                      <td className="px-2 py-2 text-right tabular-nums">{q.meanPosition === null ? "–" : q.meanPosition.toFixed(1)}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{Math.round(q.meanResults).toLocaleString("en-US")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </section>

        <section aria-labelledby="no-results">
          <h2 id="no-results" className="mb-2 text-sm font-semibold">Found nothing</h2>
          <Card className="divide-y divide-slate-100">
            {report.noResultQueries.length === 0 ? (
              <p className="px-4 py-6 text-center text-sm text-slate-600">Every search found something.</p>
            ) : (
              report.noResultQueries.map((q) => (
                <div key={q.query} className="flex items-baseline justify-between gap-3 px-4 py-2 text-sm">
                  <span className="min-w-0 truncate font-medium">{q.query}</span>
                  <span className="shrink-0 text-xs text-slate-600">
                    {q.searches}× · last {formatInZone(q.lastAt, timeZone)}
                  </span>
                </div>
              ))
            )}
          </Card>
          <p className="mt-2 text-xs text-slate-600">What people look for and do not find: words to add to case titles, or a saved view worth creating.</p>
        </section>
      </div>
    </div>
  );
}
