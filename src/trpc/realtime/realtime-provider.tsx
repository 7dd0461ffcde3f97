"use client";
// Opens (or joins) the tenant's live stream for this tab and hands its messages to the hooks of
// use-realtime.ts. Mounted once, in the tenant layout.
import { useEffect, useMemo, useRef, useState } from "react";
import type { RealtimeMessage } from "@/lib/realtime/events";
import { useTRPCClient } from "@/trpc/react";
import { useRealtimeConnection } from "./connection-state";
import { openEventStream, type SubscriptionCallbacks } from "./event-stream";
import { useLiveInvalidation } from "./live-invalidation";
import { RESYNC_GRACE_MS, usePresenceStore } from "./presence-store";
import { createStreamRelay, streamName, type ChannelLike, type LockManagerLike, type Relay } from "./relay";
import { lastStreamTraffic } from "./traffic";
import { RealtimeContext, type RealtimeContextValue, type RealtimeListener } from "./use-realtime";

function browserLocks(): LockManagerLike | null {
  return typeof navigator !== "undefined" && navigator.locks ? navigator.locks : null;
}

function browserChannel(): ((name: string) => ChannelLike) | null {
  return typeof BroadcastChannel === "undefined" ? null : (name) => new BroadcastChannel(name);
}

export function RealtimeProvider({
  slug,
  userId,
  initialSeq = null,
  children,
}: {
  slug: string;
  userId: string | null;
  /** The tenant log's position when the page was rendered (realtime.position). */
  initialSeq?: number | null;
  children: React.ReactNode;
}) {
  const client = useTRPCClient();
  const [listeners] = useState(() => new Set<RealtimeListener>());
  const relay = useRef<Relay | null>(null);
  // The first render's position only: a refreshed layout renders a newer one, which must not reopen the stream.
  const firstSeq = useRef(initialSeq);

  useEffect(() => {
    const setState = useRealtimeConnection.getState().set;
    const presence = usePresenceStore.getState();
    let resyncTimer: ReturnType<typeof setTimeout> | undefined;
    setState("connecting");
    presence.clear();

    const onMessage = (message: RealtimeMessage) => {
      if (message.type === "presence") presence.apply(message);
      else if (message.type === "ready") {
        // The server now sends the presence of every case someone is on; the rest emptied.
        presence.beginResync();
        clearTimeout(resyncTimer);
        resyncTimer = setTimeout(() => usePresenceStore.getState().endResync(), RESYNC_GRACE_MS);
      }
      for (const listener of listeners) listener(message);
    };

    const current = createStreamRelay({
      name: streamName(slug),
      initialSeq: firstSeq.current,
      locks: browserLocks(),
      createChannel: browserChannel(),
      open: (lastEventId, sink) =>
        openEventStream({
          lastEventId,
          sink,
          lastTraffic: lastStreamTraffic,
          subscribe: (input, callbacks: SubscriptionCallbacks) =>
            client.realtime.events.subscribe(input, {
              onData: callbacks.onData,
              onError: callbacks.onError,
              onComplete: callbacks.onComplete,
              onConnectionStateChange: callbacks.onConnectionStateChange,
            }),
        }),
      onMessage,
      onState(state) {
        setState(state);
        // Nobody can tell us who left while we are cut off: show nobody rather than ghosts.
        if (state === "offline") usePresenceStore.getState().clear();
      },
    });
    relay.current = current;

    const onOnline = () => current.nudge();
    const onOffline = () => current.browserOffline();
    const onVisible = () => {
      if (document.visibilityState === "visible") current.nudge();
    };
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      document.removeEventListener("visibilitychange", onVisible);
      clearTimeout(resyncTimer);
      current.dispose();
      if (relay.current === current) relay.current = null;
    };
  }, [slug, client, listeners]);

  const value = useMemo<RealtimeContextValue>(
    () => ({
      slug,
      userId,
      subscribe(listener) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
      retry: () => relay.current?.retry(),
    }),
    [slug, userId, listeners],
  );

  return (
    <RealtimeContext.Provider value={value}>
      <LiveInvalidation slug={slug} />
      {children}
    </RealtimeContext.Provider>
  );
}

function LiveInvalidation({ slug }: { slug: string }) {
  useLiveInvalidation(slug);
  return null;
}
