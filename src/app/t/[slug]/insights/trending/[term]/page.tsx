import type { Metadata } from "next";
import { channelLabel, StatusBadge } from "@/components/cases/case-badges";
import { HourlyBars } from "@/components/insights/hourly-bars";
import { InsightsTabs } from "@/components/insights/insights-tabs";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatInZone } from "@/lib/format";
import { usualText } from "@/lib/trending-words";
import { toAppError } from "@/server/errors/to-app-error";
import { api } from "@/trpc/server";
import { loadTenant, orNotFound } from "../../../_components/load-tenant";

export const metadata: Metadata = { title: "Trending topic" };

function Split({ title, counts, name }: { title: string; counts: Record<string, number>; name: (key: string) => string }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <Card className="p-4">
      <h2 className="mb-3 text-sm font-semibold">{title}</h2>
      <ul className="space-y-2 text-sm">
        {Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .map(([key, n]) => (
            <li key={key}>
              <div className="flex justify-between gap-2">
                <span className="truncate">{name(key)}</span>
                <span className="tabular-nums text-slate-600">{n}</span>
              </div>
              <div className="mt-1 h-1.5 rounded-full bg-slate-100" aria-hidden>
                <div className="h-1.5 rounded-full bg-brand-500" style={{ width: `${(n / total) * 100}%` }} />
              </div>
            </li>
          ))}
      </ul>
    </Card>
  );
}

/** One trending topic: its hours, where it comes from, and the cases that say it most. */
export default async function TrendingTopicPage({ params }: { params: Promise<{ slug: string; term: string }> }) {
  const { slug, term: encoded } = await params;
  const term = decodeURIComponent(encoded);
  const view = await loadTenant(slug);
  if (view.state !== "active") return null;
  const { tenant } = view;
  const answer = await orNotFound(() =>
    api.insights.trendingTopic({ term }).catch((error: unknown) => {
      if (toAppError(error).code === "NOT_FOUND") return null;
      throw error;
    }),
  );
  const tabs = <InsightsTabs slug={slug} current="trending" canReadSearch={tenant.permissions.includes("audit:read")} />;
  const back = (
    <Link href={`/t/${slug}/insights/trending`} className="text-sm text-brand-700 hover:underline">
      ← Trending topics
    </Link>
  );
  if (!answer) {
    return (
      <div className="mx-auto max-w-5xl px-4 py-6 md:px-8">
        {tabs}
        {back}
        <h1 className="mt-3 text-xl font-semibold tracking-tight">“{term}” is not trending now</h1>
        <p className="mt-1 text-sm text-slate-600">It is not among the topics of the newest computation. The cases that mention it are still in the cases list.</p>
        <Button asChild variant="secondary" className="mt-4">
          <Link href={`/t/${slug}/cases?${new URLSearchParams({ q: term })}`}>Find cases that mention it</Link>
        </Button>
      </div>
    );
  }
  const { topic, run } = answer;
  const casesHref = `/t/${slug}/cases?${new URLSearchParams({ q: topic.label })}`;

  return (
    <div className="mx-auto max-w-5xl px-4 py-6 md:px-8">
      {tabs}
      {back}
      <div className="mt-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">“{topic.label}”</h1>
          <p className="mt-1 text-sm text-slate-600">
            #{topic.rank} · in {topic.cases.toLocaleString("en-US")} {topic.cases === 1 ? "case" : "cases"} over the last 24 hours, {usualText(topic.baseline)}{" "}
            (×{topic.growth.toFixed(1)}, score {topic.score.toFixed(1)}). Computed {formatInZone(run.computedAt, tenant.displayTimeZone)}.
          </p>
          {topic.related.length > 0 ? <p className="mt-1 text-sm text-slate-600">In the same cases: “{topic.related.join("”, “")}”.</p> : null}
        </div>
        <Button asChild>
          <Link href={casesHref}>Open all matching cases</Link>
        </Button>
      </div>

      <Card className="mt-6 p-4">
        <h2 className="mb-3 text-sm font-semibold">Cases per hour</h2>
        <HourlyBars values={topic.hourly} windowStart={run.windowStart} timeZone={tenant.displayTimeZone} />
      </Card>

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Split title="By channel" counts={topic.channels} name={channelLabel} />
        <Split title="By business unit" counts={topic.businessUnits} name={(key) => key || "No business unit"} />
      </div>

      <section aria-labelledby="samples" className="mt-6">
        <h2 id="samples" className="mb-2 text-sm font-semibold">Cases that say it most</h2>
        <Card className="divide-y divide-slate-100">
          {topic.samples.map((c) => (
            <Link key={c.id} href={`/t/${slug}/cases/${c.id}`} className="flex items-center gap-3 px-4 py-2 text-sm hover:bg-slate-50">
              <span className="w-14 shrink-0 tabular-nums text-slate-500">#{c.number}</span>
              <span className="min-w-0 flex-1 truncate font-medium text-slate-900">{c.title}</span>
              <span className="hidden shrink-0 text-xs text-slate-500 sm:inline">{channelLabel(c.channel)}</span>
              <StatusBadge status={c.status as never} />
            </Link>
          ))}
        </Card>
      </section>
    </div>
  );
}
