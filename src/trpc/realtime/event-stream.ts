// One subscription to `realtime.events`, kept open: it resumes from the last event it saw after
// any break, backs off while the server cannot be reached, stops for good when access is gone,
// and notices a connection that died silently. Free of React and of the browser (the subscribe
// function, clock and activity source are passed in) so it can be tested in node.
//
// Who does what on a break:
// - A network blip: the browser's EventSource reconnects by itself, sending the last tracked id
//   as Last-Event-ID; the server replays what was missed. We only show "reconnecting".
// - The server ends the stream (it fell behind, or its access check failed) or the request fails
//   outright: tRPC completes or errors the subscription, and we subscribe again after a backoff,
//   passing our last seq as `lastEventId`.
// - An access error (signed out, removed, tenant gone): offline, no retry until asked.
// - Silence: with tRPC's SSE pings on (server `sse.ping` and `client.reconnectAfterInactivityMs`),
//   the link itself reopens a stream that stopped hearing them. Without pings a dead connection
//   looks like a quiet tenant, so as a backstop a stream with no traffic at all (pings counted,
//   see traffic.ts) for SILENCE_RECYCLE_MS is reopened in place; the resume makes that free of
//   gaps, and it is invisible unless the new connection fails.
import type { RealtimeMessage } from "@/lib/realtime/events";
import type { ConnectionState } from "./connection-state";

export interface StreamSink {
  message(message: RealtimeMessage): void;
  state(state: ConnectionState): void;
}

/** A stream the relay opened; the relay's leader owns exactly one. */
export interface OpenedStream {
  close(): void;
  /** Reopens now: after an access error (the user asked), or to skip a backoff. */
  retry(): void;
  /** The browser says it is back online or visible again: reopen if the stream has been silent. */
  nudge(): void;
  /** The browser says it is offline: show it now rather than after the backoff gives up. */
  browserOffline(): void;
}

export type OpenStream = (lastEventId: string | null, sink: StreamSink) => OpenedStream;

/** The parts of tRPC's subscription callbacks used here. */
export interface SubscriptionCallbacks {
  onData(value: { id: string; data: RealtimeMessage }): void;
  onError(error: unknown): void;
  onComplete(): void;
  onConnectionStateChange(state: { state: "idle" | "connecting" | "pending"; error: unknown }): void;
}

export type Subscribe = (input: { lastEventId: string | null }, callbacks: SubscriptionCallbacks) => { unsubscribe(): void };

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
};

/** Not live for this long (while retrying): say offline, so the few fallback polls start. */
export const OFFLINE_AFTER_MS = 20_000;
/** No traffic at all for this long: the connection may be dead; reopen it (resuming). */
export const SILENCE_RECYCLE_MS = 120_000;
/** Back online or visible again after this much silence: reopen at once rather than wait. */
export const NUDGE_SILENCE_MS = 30_000;
const WATCHDOG_MS = 15_000;
const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;

/** Delay before the attempt-th retry: exponential, capped, with jitter so tabs of many users do not return in step. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.5 + random() * 0.5));
}

const ACCESS_CODES = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"]);
// JSON-RPC codes tRPC uses for the same three, for an error whose formatted data lacks the name.
const ACCESS_RPC_CODES = new Set([-32001, -32003, -32004]);

/** True when the stream failed because this caller may no longer have it: retrying cannot help. */
export function isAccessError(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { data?: { code?: unknown } | null; shape?: { code?: unknown } | null };
  if (typeof e.data?.code === "string" && ACCESS_CODES.has(e.data.code)) return true;
  return typeof e.shape?.code === "number" && ACCESS_RPC_CODES.has(e.shape.code);
}

export interface EventStreamOptions {
  subscribe: Subscribe;
  /** Where to resume from (the relay's last seq), null for "from now". */
  lastEventId: string | null;
  sink: StreamSink;
  clock?: Clock;
  random?: () => number;
  /** When any traffic (pings included) last arrived, as the EventSource saw it; 0 if unknown. */
  lastTraffic?: () => number;
}

export function openEventStream(options: EventStreamOptions): OpenedStream {
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const { sink } = options;
  let lastEventId = options.lastEventId;
  let state: ConnectionState = "connecting";
  let everLive = false;
  let closed = false;
  /** Stopped after an access error: nothing happens until retry(). */
  let stopped = false;
  let attempt = 0;
  /** Callbacks of an older subscription are ignored (tRPC may still call them after unsubscribe). */
  let generation = 0;
  let current: { unsubscribe(): void } | null = null;
  let retryTimer: unknown = null;
  let offlineTimer: unknown = null;
  let lastHeard = clock.now();

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    sink.state(next);
  };
  const heardAt = () => Math.max(lastHeard, options.lastTraffic?.() ?? 0);

  function clearTimers() {
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    if (offlineTimer !== null) clock.clearTimeout(offlineTimer);
    retryTimer = offlineTimer = null;
  }

  function drop() {
    generation++;
    const sub = current;
    current = null;
    sub?.unsubscribe();
  }

  /** Something is wrong: say so, and go offline if it lasts. */
  function trouble() {
    if (state === "offline") return;
    setState(everLive ? "reconnecting" : "connecting");
    offlineTimer ??= clock.setTimeout(() => {
      offlineTimer = null;
      if (!closed && !stopped && state !== "live") setState("offline");
    }, OFFLINE_AFTER_MS);
  }

  function scheduleRetry() {
    drop();
    trouble();
    if (retryTimer !== null) return;
    retryTimer = clock.setTimeout(() => {
      retryTimer = null;
      start();
    }, backoffDelay(attempt++, random));
  }

  function start() {
    if (closed || stopped) return;
    drop();
    const mine = ++generation;
    const live = () => mine === generation && !closed;
    current = options.subscribe(
      { lastEventId },
      {
        onData({ id, data }) {
          if (!live()) return;
          lastHeard = clock.now();
          if (id) lastEventId = id;
          if (data.type === "ready") {
            everLive = true;
            attempt = 0;
            clearTimers();
            setState("live");
          }
          sink.message(data);
        },
        onConnectionStateChange({ state: link, error }) {
          if (!live()) return;
          // The EventSource lost its connection and is retrying by itself.
          if (link === "connecting" && error) trouble();
        },
        onError(error) {
          if (!live()) return;
          if (isAccessError(error)) {
            stopped = true;
            drop();
            clearTimers();
            setState("offline");
            return;
          }
          scheduleRetry();
        },
        onComplete() {
          // The server ended the stream (fell behind, or its access check failed): subscribe
          // again; if access is gone, that attempt fails with an access error and stops.
          if (live()) scheduleRetry();
        },
      },
    );
  }

  const watchdog = clock.setInterval(() => {
    if (closed || stopped || state !== "live") return;
    if (clock.now() - heardAt() >= SILENCE_RECYCLE_MS) {
      lastHeard = clock.now();
      start();
    }
  }, WATCHDOG_MS);

  start();

  return {
    close() {
      closed = true;
      clock.clearInterval(watchdog);
      clearTimers();
      drop();
    },
    retry() {
      if (closed) return;
      stopped = false;
      attempt = 0;
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      retryTimer = null;
      if (state === "offline") setState(everLive ? "reconnecting" : "connecting");
      start();
    },
    nudge() {
      if (closed || stopped) return;
      if (state !== "live" || clock.now() - heardAt() >= NUDGE_SILENCE_MS) {
        if (retryTimer !== null) clock.clearTimeout(retryTimer);
        retryTimer = null;
        lastHeard = clock.now();
        start();
      }
    },
    browserOffline() {
      if (closed || stopped) return;
      setState("offline");
    },
  };
}
