// One stream per browser and tenant, shared by its tabs. The tabs of a tenant elect a leader with
// a Web Lock ("caseboard-stream:<slug>", held while the tab lives); the leader opens the one
// subscription and relays every message, and its connection state, over a BroadcastChannel of
// the same name. A tab that is not the leader waits in the lock's queue as a follower, reading
// the channel. When the leader goes (tab closed, navigated to another tenant), the browser grants
// the lock to the next tab, which opens the stream from the last seq it saw relayed, so the
// server replays exactly what happened in between.
//
// Without Web Locks or BroadcastChannel every tab is on its own ("solo") and opens its own stream.
// Free of React and of browser globals: the lock manager, channel and stream opener are passed
// in, so the election and hand-over are tested with fakes (relay.test.ts).
import type { PresenceSnapshot, RealtimeMessage } from "@/lib/realtime/events";
import type { ConnectionState } from "./connection-state";
import type { OpenedStream, OpenStream } from "./event-stream";

/** The part of `navigator.locks` used here. */
export interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown>;
}

/** The part of `BroadcastChannel` used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type RelayRole = "leader" | "follower" | "solo";

/** What tabs say to each other on the channel. */
export type RelayWire =
  | { t: "message"; m: RealtimeMessage }
  | { t: "state"; s: ConnectionState; seq: number | null }
  /** A new follower asks the leader where things stand. */
  | { t: "hello" }
  /** The leader's answer: its state, its position, and who is on which case right now. */
  | { t: "sync"; s: ConnectionState; seq: number | null; presence: PresenceSnapshot[] }
  /** A follower's "Retry" button: the leader retries its stream. */
  | { t: "retry" };

export interface RelayOptions {
  /** Lock and channel name: `caseboard-stream:<slug>`. */
  name: string;
  locks: LockManagerLike | null;
  createChannel: ((name: string) => ChannelLike) | null;
  open: OpenStream;
  /** Every message, in order, exactly once, in this tab. */
  onMessage(message: RealtimeMessage): void;
  onState(state: ConnectionState): void;
  onRole?(role: RelayRole): void;
  /**
   * Where the page's server render saw the log: a stream this tab opens before it has seen any
   * event resumes from here, so a change made between the render and the stream is not lost.
   */
  initialSeq?: number | null;
}

export interface Relay {
  readonly role: RelayRole;
  /** The last event seq this tab has (where a stream it opens resumes). */
  readonly lastSeq: number | null;
  retry(): void;
  nudge(): void;
  browserOffline(): void;
  dispose(): void;
}

export const streamName = (slug: string) => `caseboard-stream:${slug}`;

export function createStreamRelay(options: RelayOptions): Relay {
  const channel = options.locks && options.createChannel ? options.createChannel(options.name) : null;
  let role: RelayRole = channel ? "follower" : "solo";
  let disposed = false;
  let lastSeq: number | null = options.initialSeq ?? null;
  let state: ConnectionState = "connecting";
  let stream: OpenedStream | null = null;
  let releaseLock: (() => void) | null = null;
  const abort = new AbortController();
  /** The current presence of every case someone is on, so the leader can tell a new tab. */
  const presence = new Map<string, PresenceSnapshot>();

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    options.onState(next);
  };

  const broadcast = (wire: RelayWire) => {
    if (role === "leader") channel?.postMessage(wire);
  };

  /** Hands a message to this tab; false when it is an event this tab already has. */
  function deliver(message: RealtimeMessage): boolean {
    if (message.type === "event") {
      if (lastSeq !== null && message.seq <= lastSeq) return false;
      lastSeq = message.seq;
    } else if (message.type === "ready") {
      // The server's position now; lower than ours only when our seq came from another log
      // (`missed`), and then the server's is the one to resume from.
      lastSeq = message.seq;
    } else if (message.type === "presence") {
      if (message.members.length) presence.set(message.caseId, message);
      else presence.delete(message.caseId);
    }
    // "online" is relayed like any message; a new tab reads realtime.online itself, so sync leaves it out.
    options.onMessage(message);
    return true;
  }

  function lead() {
    role = channel ? "leader" : "solo";
    options.onRole?.(role);
    // Followers learn there is a leader (and where it stands) before anything else.
    broadcast({ t: "state", s: state, seq: lastSeq });
    stream = options.open(lastSeq === null ? null : String(lastSeq), {
      message(message) {
        if (disposed) return;
        if (deliver(message)) broadcast({ t: "message", m: message });
      },
      state(next) {
        if (disposed) return;
        setState(next);
        broadcast({ t: "state", s: next, seq: lastSeq });
      },
    });
  }

  function onWire(wire: RelayWire) {
    if (disposed) return;
    if (role === "leader") {
      if (wire.t === "hello") broadcast({ t: "sync", s: state, seq: lastSeq, presence: [...presence.values()] });
      else if (wire.t === "retry") stream?.retry();
      return;
    }
    switch (wire.t) {
      case "message":
        deliver(wire.m);
        break;
      case "state":
        if (wire.seq !== null) lastSeq = wire.seq;
        setState(wire.s);
        break;
      case "sync":
        if (wire.seq !== null) lastSeq = wire.seq;
        setState(wire.s);
        for (const snapshot of wire.presence) deliver(snapshot);
        break;
    }
  }

  if (channel && options.locks) {
    channel.addEventListener("message", (event) => onWire(event.data as RelayWire));
    channel.postMessage({ t: "hello" } satisfies RelayWire);
    options.onRole?.(role);
    options.locks
      .request(options.name, { signal: abort.signal }, () => {
        if (disposed) return Promise.resolve();
        return new Promise<void>((resolve) => {
          releaseLock = resolve;
          lead();
        });
      })
      // Aborted by dispose() while still waiting in the queue: nothing to undo.
      .catch(() => undefined);
  } else {
    lead();
  }

  return {
    get role() {
      return role;
    },
    get lastSeq() {
      return lastSeq;
    },
    retry() {
      if (stream) stream.retry();
      else channel?.postMessage({ t: "retry" } satisfies RelayWire);
    },
    nudge() {
      // A follower asks again where things stand (its mirrored state may be from before a sleep).
      if (stream) stream.nudge();
      else channel?.postMessage({ t: "hello" } satisfies RelayWire);
    },
    browserOffline() {
      stream?.browserOffline();
      if (!stream) setState("offline");
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      abort.abort();
      stream?.close();
      stream = null;
      // Lets the next tab in the queue take over.
      releaseLock?.();
      channel?.close();
    },
  };
}
