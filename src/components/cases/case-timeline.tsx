"use client";
// Messages and events in the order they happened. Message bodies are rendered as safe Markdown
// (message-body.tsx): never as HTML, so a customer's message cannot inject markup. Their files
// follow the text (message-attachments.tsx).
import { useSuspenseQuery } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { useParams } from "next/navigation";
import { timeAgo } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { describeEvent } from "./case-event-text";
import { MessageAttachments } from "./message-attachments";
import { MessageBody } from "./message-body";
import type { Member, TimelineItem } from "./case-types";

// Times render in the viewer's zone; the server's render may differ, hence suppressHydrationWarning below.
const fullDate = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function CaseTimeline({ caseId, members }: { caseId: string; members: Member[] }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.cases.timeline.queryOptions({ caseId, limit: 200 }));
  // Attachments are read through the tenant in the page's address (/t/[slug]/…).
  const { slug } = useParams<{ slug: string }>();
  if (data.items.length === 0) return <p className="text-sm text-slate-500">Nothing has happened on this case yet.</p>;
  return (
    <ol className="space-y-4" aria-label="Timeline">
      {data.items.map((item) => (
        <li key={item.id}>{item.type === "message" ? <Message item={item} tenantSlug={slug} /> : <EventLine item={item} members={members} />}</li>
      ))}
      {data.nextCursor ? <li className="text-xs text-slate-500">Older activity beyond the latest 200 entries is not shown.</li> : null}
    </ol>
  );
}

function Message({ item, tenantSlug }: { item: Extract<TimelineItem, { type: "message" }>; tenantSlug: string }) {
  const internal = item.kind === "INTERNAL_NOTE";
  const customer = item.author.type === "CUSTOMER";
  const fromTeam = item.author.type === "MEMBER";
  return (
    <article
      aria-label={internal ? "Internal note" : customer ? "Customer message" : "Reply"}
      className={cn(
        "rounded-lg border px-4 py-3 shadow-sm",
        internal ? "border-amber-200 bg-amber-50" : fromTeam ? "border-brand-100 bg-brand-50/40" : "border-slate-200 bg-white",
      )}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-600">
        <span className="font-semibold text-slate-800">{item.author.name ?? (item.author.type === "SYSTEM" ? "System" : "Unknown")}</span>
        {customer ? <span>customer</span> : null}
        {internal ? (
          <span className="inline-flex items-center gap-1 font-medium text-amber-700">
            <Lock className="size-3" aria-hidden /> Internal note
          </span>
        ) : null}
        <time dateTime={item.createdAt.toISOString()} title={fullDate.format(item.createdAt)} className="ml-auto" suppressHydrationWarning>
          {timeAgo(item.createdAt)}
        </time>
      </header>
      {/* A message may be files alone. */}
      {item.body ? <MessageBody body={item.body} /> : null}
      <MessageAttachments attachments={item.attachments} tenantSlug={tenantSlug} />
    </article>
  );
}

function EventLine({ item, members }: { item: Extract<TimelineItem, { type: "event" }>; members: Member[] }) {
  return (
    <p className="flex items-center gap-2 px-1 text-xs text-slate-500">
      <span className="size-1.5 shrink-0 rounded-full bg-slate-300" aria-hidden />
      <span>
        <span className="font-medium text-slate-700">{item.actor.name ?? (item.actor.type === "apiKey" ? "An API key" : "System")}</span>{" "}
        {describeEvent(item, members)}
      </span>
      <time dateTime={item.createdAt.toISOString()} title={fullDate.format(item.createdAt)} className="ml-auto shrink-0" suppressHydrationWarning>
        {timeAgo(item.createdAt)}
      </time>
    </p>
  );
}
