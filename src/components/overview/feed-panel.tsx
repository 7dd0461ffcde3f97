"use client";
// The overview's compact feed: the first few items the member may read, pinned first, live, with
// expired ones leaving at once; the feed page has the rest.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { FeedItemCard } from "@/components/feed/feed-item-card";
import { useUnexpired } from "@/components/feed/use-unexpired";
import { Card } from "@/components/ui/card";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";

export const FEED_PANEL_SIZE = 5;

export function FeedPanel({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const { data, isError } = useQuery({ ...trpc.feed.list.queryOptions({ limit: FEED_PANEL_SIZE }), refetchInterval: useFallbackPoll() });
  const items = useUnexpired(data?.items ?? []);
  return (
    <Card role="region" className="flex min-w-0 flex-col px-4 py-4 sm:px-5" aria-labelledby="feed-panel-title">
      <div className="flex items-baseline justify-between">
        <h2 id="feed-panel-title" className="text-sm font-semibold">
          Feed
        </h2>
        <Link href={`/t/${slug}/feed`} className="text-xs font-medium text-brand-700 hover:underline">
          Open the feed →
        </Link>
      </div>
      {isError ? <p className="mt-2 text-xs text-red-700">The feed could not be loaded.</p> : null}
      <div className="mt-1 divide-y divide-slate-100">
        {items.map((item) => (
          <FeedItemCard key={item.id} item={item} slug={slug} compact />
        ))}
        {data && items.length === 0 ? <p className="py-6 text-center text-sm text-slate-600">Nothing new.</p> : null}
      </div>
    </Card>
  );
}
