"use client";
// The hooks components use for anything live. There is one stream per browser and tenant (see
// relay.ts), opened by <RealtimeProvider> in the tenant layout; components never subscribe to
// tRPC themselves.
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useEffectEvent, useMemo } from "react";
import type { PresenceEntry, RealtimeMessage } from "@/lib/realtime/events";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { cancelLeave, heartbeatMs, scheduleLeave, sendLeftOnUnload, type AnnouncedState } from "./announce";
import { useFallbackPoll, useRealtimeConnection, type ConnectionState } from "./connection-state";
import { markTyping, othersOn, usePresenceStore, useReplyingStore } from "./presence-store";

export { useFallbackPoll } from "./connection-state";
export type { ConnectionState } from "./connection-state";

export type RealtimeListener = (message: RealtimeMessage) => void;

export interface RealtimeContextValue {
  slug: string;
  /** The signed-in user, left out of presence lists. */
  userId: string | null;
  subscribe(listener: RealtimeListener): () => void;
  /** Reopens the stream now (the indicator's "Retry"). */
  retry(): void;
}

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);

/** The signed-in member's user id (the workspace layout knows it from the session), or null. */
export function useSignedInUserId(): string | null {
  return useContext(RealtimeContext)?.userId ?? null;
}

/** Calls `handler` for every message of the tenant's stream, in order, in this tab. */
export function useRealtimeEvents(handler: RealtimeListener): void {
  const context = useContext(RealtimeContext);
  const onMessage = useEffectEvent(handler);
  useEffect(() => context?.subscribe((message) => onMessage(message)), [context]);
}

export function useRealtimeState(): ConnectionState {
  return useRealtimeConnection((s) => s.state);
}

export function useRealtimeRetry(): () => void {
  const context = useContext(RealtimeContext);
  return useMemo(() => () => context?.retry(), [context]);
}

/** The other members on this case right now (never the signed-in user). */
export function usePresence(caseId: string): PresenceEntry[] {
  const context = useContext(RealtimeContext);
  const entries = usePresenceStore((s) => s.byCase[caseId]);
  const selfId = context?.userId ?? null;
  return useMemo(() => othersOn(entries, selfId), [entries, selfId]);
}

/**
 * The ids of the tenant's members online right now; undefined until first read. Read once, then
 * kept current by the stream's `online` messages (live-invalidation.ts); polled only while the
 * stream is down, like every other live query.
 */
export function useOnlineUserIds(): ReadonlySet<string> | undefined {
  const trpc = useTRPC();
  const { data } = useQuery({ ...trpc.realtime.online.queryOptions(), refetchInterval: useFallbackPoll() });
  return useMemo(() => (data ? new Set(data.map((m) => m.userId)) : undefined), [data]);
}

/**
 * Tells the others that this user is on the case: "viewing" on mount and every heartbeat,
 * `state` whenever it changes, "left" on unmount and when the page goes away.
 */
export function useAnnouncePresence(caseId: string, state: AnnouncedState): void {
  const client = useTRPCClient();
  const slug = useContext(RealtimeContext)?.slug ?? null;
  const announce = useEffectEvent(() => {
    client.realtime.presence.mutate({ caseId, state }).catch(() => undefined);
  });

  useEffect(() => {
    announce();
    const timer = setInterval(announce, heartbeatMs(state));
    return () => clearInterval(timer);
  }, [caseId, state]);

  useEffect(() => {
    cancelLeave(caseId);
    const onPageHide = () => {
      if (slug) sendLeftOnUnload(slug, caseId);
    };
    // Back from the back/forward cache: the "left" sent on the way out made us vanish.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) announce();
    };
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("pageshow", onPageShow);
      scheduleLeave(caseId, () => {
        client.realtime.presence.mutate({ caseId, state: "left" }).catch(() => undefined);
      });
    };
  }, [caseId, client, slug]);
}

/** Whether this user is typing on the case (set by the composer through useMarkReplying). */
export function useIsReplying(caseId: string): boolean {
  return useReplyingStore((s) => Boolean(s.typing[caseId]));
}

/** For the composer: call with true on each keystroke (false when emptied or sent); idles by itself. */
export function useMarkReplying(caseId: string): (typing: boolean) => void {
  return useMemo(() => (typing: boolean) => markTyping(caseId, typing), [caseId]);
}
