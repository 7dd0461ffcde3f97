import type { Metadata } from "next";
import { InboxView } from "@/components/notifications/inbox-view";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await prefetch(trpc.notifications.list.queryOptions({ view: "open", limit: 100 }));
  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold tracking-tight">Inbox</h1>
      <p className="mt-1 text-sm text-slate-500">Everything that needs you: mentions, cases assigned to you or your teams, replies on cases you follow, shares and escalations.</p>
      <HydrateClient>
        <InboxView slug={slug} />
      </HydrateClient>
    </div>
  );
}
