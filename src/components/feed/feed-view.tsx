"use client";
// The team feed: announcements and what the system noticed (alerts fired and resolved, SLA breach
// waves, imports finished, escalations, new members), pinned first, then by priority, newest first.
// Filters by kind (and, for managers who read every item, by audience); pages with a cursor; live
// (feed events refetch it); expired items leave the moment they expire.
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { cn } from "@/lib/utils";
import { FEED_AUDIENCE_KINDS, FEED_ITEM_KINDS, type FeedAudienceKind, type FeedItemKind } from "@/lib/validations/feed";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { AnnouncementForm } from "./announcement-form";
import { FeedItemCard } from "./feed-item-card";
import { AUDIENCE_LABEL, KIND_LABEL } from "./feed-words";
import { useUnexpired } from "./use-unexpired";

export const FEED_PAGE_SIZE = 20;

interface Props {
  slug: string;
  canManage: boolean;
  businessUnits: readonly string[];
  /** The tenant's teams, for managers (the audience of an item and of a new announcement). */
  teams: readonly { id: string; name: string }[];
}

export function FeedView({ slug, canManage, businessUnits, teams }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kinds, setKinds] = useState<FeedItemKind[]>([]);
  const [audienceKind, setAudienceKind] = useState<FeedAudienceKind | "">("");
  const [composing, setComposing] = useState(false);
  const input = { limit: FEED_PAGE_SIZE, ...(kinds.length ? { kind: kinds } : {}), ...(audienceKind ? { audienceKind } : {}) };
  const feed = useInfiniteQuery({
    ...trpc.feed.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }),
    refetchInterval: useFallbackPoll(),
  });
  const items = useUnexpired(useMemo(() => feed.data?.pages.flatMap((p) => p.items) ?? [], [feed.data]));
  const teamNames = useMemo(() => new Map(teams.map((t) => [t.id, t.name])), [teams]);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.feed.pathKey() });
  const toggleKind = (k: FeedItemKind) => setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]));

  return (
    <div className="space-y-4">
      {canManage ? (
        composing ? (
          <Card className="px-4 py-4 sm:px-5">
            <h2 className="mb-3 text-sm font-semibold">New announcement</h2>
            <AnnouncementForm
              businessUnits={businessUnits}
              teams={teams}
              onDone={() => {
                setComposing(false);
                refresh();
              }}
            />
          </Card>
        ) : (
          <Button onClick={() => setComposing(true)}>Post an announcement</Button>
        )
      ) : null}

      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Kinds">
        {FEED_ITEM_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kinds.includes(k)}
            onClick={() => toggleKind(k)}
            className={cn(
              "rounded-full border px-2.5 py-1 text-xs font-medium",
              kinds.includes(k) ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
            )}
          >
            {KIND_LABEL[k]}
          </button>
        ))}
        {canManage ? (
          <Select aria-label="Audience" value={audienceKind} onChange={(e) => setAudienceKind(e.target.value as FeedAudienceKind | "")} className="ml-auto w-auto">
            <option value="">Any audience</option>
            {FEED_AUDIENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                For {AUDIENCE_LABEL[k].toLowerCase()}
              </option>
            ))}
          </Select>
        ) : null}
      </div>

      {feed.isError ? (
        <p role="alert" className="text-sm text-red-700">
          The feed could not be loaded. It will try again.
        </p>
      ) : null}
      <Card className="divide-y divide-slate-100 px-4 sm:px-5">
        {items.map((item) => (
          <FeedItemCard key={item.id} item={item} slug={slug} canManage={canManage} teamNames={teamNames} onChanged={refresh} />
        ))}
        {feed.isSuccess && items.length === 0 ? (
          <p className="py-8 text-center text-sm text-slate-600">{kinds.length || audienceKind ? "Nothing of these kinds." : "Nothing in the feed yet."}</p>
        ) : null}
        {feed.isPending ? <p className="py-8 text-center text-sm text-slate-600">Loading…</p> : null}
      </Card>
      {feed.hasNextPage ? (
        <Button variant="secondary" onClick={() => void feed.fetchNextPage()} disabled={feed.isFetchingNextPage}>
          {feed.isFetchingNextPage ? "Loading…" : "Show older items"}
        </Button>
      ) : null}
    </div>
  );
}
