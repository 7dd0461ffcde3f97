"use client";
// One feed item: what happened (its kind), its title (a link into the app when it has one), its
// Markdown body, who posted it and when, and for managers whom it is for and when it expires,
// with pin / unpin and delete.
import { Megaphone, Pin, Siren, CheckCircle2, Timer, FileUp, TrendingUp, UserPlus, ArrowUpCircle, PauseCircle } from "lucide-react";
import dynamic from "next/dynamic";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { timeAgo } from "@/lib/format";
import { cn } from "@/lib/utils";
import type { FeedAudienceKind, FeedItemKind, FeedPriority } from "@/lib/validations/feed";
import { deleteFeedItemAction, updateFeedItemAction } from "./feed-actions";
import { audienceText, KIND_LABEL } from "./feed-words";
import { confirmAction } from "@/components/ui/confirm";

// The Markdown renderer (37 kB gzipped, an eighth of the overview's JavaScript) is fetched only where a body is
// shown: the overview's compact cards never show one.
const SafeMarkdown = dynamic(() => import("@/components/markdown/safe-markdown").then((m) => m.SafeMarkdown));

export interface FeedItemView {
  id: string;
  kind: FeedItemKind;
  title: string;
  body: string;
  link: string | null;
  priority: FeedPriority;
  audienceKind: FeedAudienceKind;
  audienceValue: string | null;
  author: { name: string } | null;
  expiresAt: Date | null;
  version: number;
  createdAt: Date;
}

const KIND_ICON = {
  ANNOUNCEMENT: Megaphone,
  ALERT_FIRED: Siren,
  ALERT_RESOLVED: CheckCircle2,
  SLA_BREACH_WAVE: Timer,
  IMPORT_FINISHED: FileUp,
  TRENDING_SURGE: TrendingUp,
  NEW_MEMBER: UserPlus,
  ESCALATION: ArrowUpCircle,
  AI_PAUSED: PauseCircle,
} as const;

const KIND_TONE: Partial<Record<FeedItemKind, string>> = {
  ALERT_FIRED: "text-red-600",
  SLA_BREACH_WAVE: "text-amber-600",
  ESCALATION: "text-amber-600",
  AI_PAUSED: "text-amber-600",
  ALERT_RESOLVED: "text-green-600",
};

interface Props {
  item: FeedItemView;
  slug: string;
  /** Full: the body, the audience and the manager's actions. Compact: the overview's panel. */
  compact?: boolean;
  canManage?: boolean;
  teamNames?: ReadonlyMap<string, string>;
  onChanged?: () => void;
}

export function FeedItemCard({ item, slug, compact = false, canManage = false, teamNames = new Map(), onChanged }: Props) {
  const Icon = KIND_ICON[item.kind];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pinned = item.priority === "PINNED";

  async function act(run: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) setError(result.error?.message ?? "That did not work");
    else onChanged?.();
  }

  const title = item.link ? (
    <Link href={`/t/${slug}${item.link}`} className="hover:text-brand-700 hover:underline">
      {item.title}
    </Link>
  ) : (
    item.title
  );

  return (
    <article className={cn("flex gap-3", compact ? "py-2.5" : "py-4")} aria-label={`${KIND_LABEL[item.kind]}: ${item.title}`}>
      <Icon className={cn("mt-0.5 size-4 shrink-0", KIND_TONE[item.kind] ?? "text-slate-500")} aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600">
          <span className="font-medium">{KIND_LABEL[item.kind]}</span>
          {pinned ? (
            <span className="inline-flex items-center gap-0.5 font-medium text-brand-700">
              <Pin className="size-3" aria-hidden /> Pinned
            </span>
          ) : item.priority === "HIGH" ? (
            <span className="font-medium text-red-700">High priority</span>
          ) : null}
          <span suppressHydrationWarning title={item.createdAt.toLocaleString()}>
            {timeAgo(item.createdAt)}
          </span>
        </p>
        <h3 className={cn("mt-0.5 font-medium text-slate-900", compact ? "truncate text-sm" : "text-[15px]")}>{title}</h3>
        {!compact && item.body ? <SafeMarkdown source={item.body} className="mt-1" /> : null}
        {!compact ? (
          <p className="mt-1.5 text-xs text-slate-600" suppressHydrationWarning>
            {item.author ? `Posted by ${item.author.name}` : "Posted by Caseboard"}
            {canManage ? ` · for ${audienceText(item.audienceKind, item.audienceValue, teamNames)}` : ""}
            {item.expiresAt ? ` · expires ${timeAgo(item.expiresAt)}` : ""}
          </p>
        ) : null}
        {!compact && canManage ? (
          <div className="mt-2 flex gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={() => act(() => updateFeedItemAction({ id: item.id, version: item.version, priority: pinned ? "NORMAL" : "PINNED" }))}
            >
              {pinned ? "Unpin" : "Pin"}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={async () => {
                if (await confirmAction({ title: `Delete “${item.title}”?`, description: "It leaves the feed for everyone.", confirmLabel: "Delete" })) {
                  void act(() => deleteFeedItemAction({ id: item.id }));
                }
              }}
            >
              Delete
            </Button>
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </article>
  );
}
