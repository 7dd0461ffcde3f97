import type { Metadata } from "next";
import { TrendingUp } from "lucide-react";
import { channelLabel } from "@/components/cases/case-badges";
import { InsightsTabs } from "@/components/insights/insights-tabs";
import { RecomputeTrendingButton } from "@/components/insights/recompute-trending-button";
import { Sparkline } from "@/components/insights/sparkline";
import { TrendingSettingsForm } from "@/components/insights/trending-settings-form";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatInZone, timeAgo } from "@/lib/format";
import { topicPath, usualText } from "@/lib/trending-words";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../_components/load-tenant";

export const metadata: Metadata = { title: "Trending topics" };

/** The largest share first, as "Email 60 % · Chat 40 %". */
function split(counts: Record<string, number>, name: (key: string) => string): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([key, n]) => `${name(key)} ${Math.round((n / total) * 100)} %`)
    .join(" · ");
}

/** What customers write about more than usual today: the newest hourly computation. */
export default async function TrendingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [list, view] = await Promise.all([orNotFound(() => api.insights.trending()), loadTenant(slug)]);
  if (view.state !== "active") return null;
  const { tenant } = view;
  const canManage = tenant.permissions.includes("settings:manage");
  const { run, topics } = list;

  return (
    <div className="mx-auto max-w-5xl px-4 py-6 md:px-8">
      <InsightsTabs slug={slug} current="trending" canReadSearch={tenant.permissions.includes("audit:read")} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Trending topics</h1>
          <p className="mt-1 text-sm text-slate-600">
            Words and phrases customers used in more cases over the last 24 hours than on their usual day of the last four weeks.
            {run ? (
              <>
                {" "}
                Computed <time dateTime={run.computedAt.toISOString()} title={formatInZone(run.computedAt, tenant.displayTimeZone)}>{timeAgo(run.computedAt)}</time> from{" "}
                {run.cases.toLocaleString("en-US")} {run.cases === 1 ? "case" : "cases"}; every hour.
              </>
            ) : null}
          </p>
        </div>
        {canManage ? <RecomputeTrendingButton runId={run?.id ?? null} /> : null}
      </div>

      <Card className="mt-6 overflow-x-auto">
        {topics.length === 0 ? (
          <div className="px-4 py-10 text-center text-sm text-slate-600">
            <TrendingUp aria-hidden className="mx-auto mb-2 size-6 text-slate-400" />
            {run
              ? "Nothing is trending: no word or phrase is in noticeably more cases today than usual."
              : "Trending topics are computed every hour from the cases of the last day; the first computation has not run yet."}
          </div>
        ) : (
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-slate-600">
              <tr className="border-b border-slate-200">
                <th scope="col" className="w-8 px-4 py-2 font-medium">#</th>
                <th scope="col" className="px-2 py-2 font-medium">Topic</th>
                <th scope="col" className="hidden px-2 py-2 font-medium sm:table-cell">Last 24 hours</th>
                <th scope="col" className="px-2 py-2 text-right font-medium">Cases</th>
                <th scope="col" className="px-2 py-2 text-right font-medium" title="Cases today against the usual day (28-day mean)">Growth</th>
                <th scope="col" className="hidden px-4 py-2 text-right font-medium md:table-cell" title="How unusual today is for this topic (standard deviations above its usual day)">
                  Score
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {topics.map((t) => (
                <tr key={t.term}>
                  <td className="px-4 py-2 tabular-nums text-slate-500">{t.rank}</td>
                  {/* max-w-0 with w-full: the topic takes the room left and truncates, so the counts stay in view at 390 px. */}
                  <td className="w-full max-w-0 px-2 py-2">
                    <Link href={`/t/${slug}${topicPath(t.term)}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {t.label}
                    </Link>
                    {t.related.length > 0 ? <p className="truncate text-xs text-slate-600">also “{t.related.join("”, “")}”</p> : null}
                    <p className="truncate text-xs text-slate-500">{split(t.channels, channelLabel)}</p>
                  </td>
                  <td className="hidden px-2 py-2 text-brand-600 sm:table-cell">
                    <Sparkline values={t.hourly} label={`${t.label}: cases per hour over the last 24 hours, peak ${Math.max(...t.hourly)}`} />
                  </td>
                  <td className="px-2 py-2 text-right tabular-nums">{t.cases.toLocaleString("en-US")}</td>
                  <td className="px-2 py-2 text-right tabular-nums" title={usualText(t.baseline)}>
                    ×{t.growth.toFixed(1)}
                  </td>
                  <td className="hidden px-4 py-2 text-right tabular-nums md:table-cell">{t.score.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      {canManage ? (
        <Card className="mt-6 p-4">
          <h2 className="mb-3 text-sm font-semibold">When a topic trends</h2>
          <TrendingSettingsForm slug={slug} trending={tenant.settings.trending} textLanguage={tenant.settings.textLanguage} />
        </Card>
      ) : null}
    </div>
  );
}
