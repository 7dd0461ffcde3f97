"use client";
// The open unread count beside "Inbox" in the sidebar and ahead of the tab's title. Reads the
// bell's query (same key, so one request serves both); new items arrive over the live stream.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/trpc/react";
import { useFallbackPoll } from "@/trpc/realtime/use-realtime";
import { titleWithCount, unreadBadge } from "./notification-text";

export function useInboxCount(): number {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.notifications.list.queryOptions({ limit: 10 }), refetchInterval: useFallbackPoll() });
  return data?.unreadCount ?? 0;
}

export function InboxCount() {
  const count = useInboxCount();
  // Next sets the title on every navigation: prefix it again whenever it changes.
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, count);
      if (next !== document.title) document.title = next;
    };
    apply();
    const title = document.querySelector("title");
    if (!title) return;
    const observer = new MutationObserver(apply);
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);
  const badge = unreadBadge(count);
  if (!badge) return null;
  return (
    <span className="ml-auto rounded-full bg-brand-600 px-1.5 text-xs font-semibold leading-5 text-white" aria-label={`${count} unread`}>
      {badge}
    </span>
  );
}
