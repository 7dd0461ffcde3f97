import type { Metadata } from "next";
import { FEED_PAGE_SIZE, FeedView } from "@/components/feed/feed-view";
import { api, getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { loadTenant } from "../_components/load-tenant";

export const metadata: Metadata = { title: "Feed" };

export default async function FeedPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [view] = await Promise.all([loadTenant(slug), getQueryClient().prefetchInfiniteQuery(trpc.feed.list.infiniteQueryOptions({ limit: FEED_PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }))]);
  const canManage = view.state === "active" && view.tenant.permissions.includes("feed:manage");
  const businessUnits = view.state === "active" ? view.tenant.settings.businessUnits : [];
  // Team names for the audience of each item and of a new announcement: only managers see those.
  const teams = canManage ? (await api.teams.list()).map((t) => ({ id: t.id, name: t.name })) : [];
  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Feed</h1>
      <p className="mt-1 text-sm text-slate-600">Announcements from your admins and what Caseboard noticed: alerts, SLA breach waves, imports, escalations and new colleagues.</p>
      <div className="mt-5">
        <HydrateClient>
          <FeedView slug={slug} canManage={canManage} businessUnits={businessUnits} teams={teams} />
        </HydrateClient>
      </div>
    </div>
  );
}
