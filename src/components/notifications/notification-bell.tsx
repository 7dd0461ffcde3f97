"use client";
// The bell in the app shell: unread mentions (and other notices) of the signed-in member, each
// linking to its case. New ones arrive over the live stream (a poll once a minute only while it
// is down); opening an item marks it read.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { Link } from "@/components/ui/link";
import { useCallback, useRef, useState } from "react";
import { timeAgo } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { markNotificationsReadAction } from "./notification-actions";
import { notificationHref, notificationText, unreadBadge } from "./notification-text";
import { useDismiss } from "@/components/ui/use-dismiss";

export function NotificationBell({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  const { data, isError } = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 10 }), refetchInterval: useFallbackPoll() });
  const badge = unreadBadge(data?.unreadCount ?? 0);

  useDismiss(open, close, root);

  async function markRead(input: { ids: string[] } | { all: true }) {
    await markNotificationsReadAction(input);
    await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
  }

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-label={badge ? `Notifications, ${data?.unreadCount} unread` : "Notifications"}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="relative grid size-8 place-items-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <Bell className="size-4" aria-hidden />
        {badge ? (
          <span className="absolute -right-0.5 -top-0.5 grid h-4 min-w-4 place-items-center rounded-full bg-red-600 px-1 text-[10px] font-semibold leading-none text-white">
            {badge}
          </span>
        ) : null}
      </button>
      {open ? (
        <div role="region" aria-label="Notifications" className="absolute right-0 z-40 mt-1 w-80 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white shadow-lg md:left-0 md:right-auto">
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <p className="text-sm font-semibold">Notifications</p>
            {data?.unreadCount ? (
              <button type="button" onClick={() => markRead({ all: true })} className="text-xs font-medium text-brand-700 hover:underline">
                Mark all read
              </button>
            ) : null}
          </div>
          {isError ? <p className="px-3 py-3 text-sm text-red-700">Could not load notifications.</p> : null}
          {!data ? <p className="px-3 py-3 text-sm text-slate-500">Loading…</p> : null}
          {data && data.items.length === 0 ? <p className="px-3 py-6 text-center text-sm text-slate-500">Nothing yet. Mentions of you show up here.</p> : null}
          <ul className="max-h-96 overflow-y-auto">
            {data?.items.map((n) => (
              <li key={n.id}>
                <Link
                  href={notificationHref(n, slug)}
                  onClick={() => {
                    setOpen(false);
                    if (!n.readAt) void markRead({ ids: [n.id] });
                  }}
                  className={cn(
                    "block border-b border-slate-100 px-3 py-2 text-sm last:border-b-0 hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500",
                    !n.readAt && "bg-brand-50/50",
                  )}
                >
                  <span className="flex items-start gap-2">
                    {!n.readAt ? <span className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600" aria-label="Unread" /> : <span className="size-2 shrink-0" />}
                    <span className="min-w-0">
                      <span className="block text-slate-900">{notificationText(n)}</span>
                      {n.case ? <span className="block truncate text-xs text-slate-500">{n.case.title}</span> : null}
                      <span className="block text-xs text-slate-500" suppressHydrationWarning>
                        {timeAgo(n.createdAt)}
                      </span>
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
