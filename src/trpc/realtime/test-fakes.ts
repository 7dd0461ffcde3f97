// Fakes of the browser pieces the realtime client depends on, for its node tests: a Web Locks
// manager, BroadcastChannel, a manual clock, and a stream opener that records what was opened.
import type { RealtimeMessage } from "@/lib/realtime/events";
import type { ConnectionState } from "./connection-state";
import type { Clock, OpenedStream, OpenStream, StreamSink } from "./event-stream";
import type { ChannelLike, LockManagerLike } from "./relay";

interface LockRequest {
  name: string;
  callback: (lock: unknown) => Promise<void>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Exclusive locks granted in request order, like navigator.locks. */
export class FakeLocks implements LockManagerLike {
  private readonly held = new Set<string>();
  private queue: LockRequest[] = [];

  request(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const entry: LockRequest = { name, callback, resolve, reject };
      options.signal?.addEventListener("abort", () => {
        if (!this.queue.includes(entry)) return;
        this.queue = this.queue.filter((e) => e !== entry);
        reject(new DOMException("The request was aborted.", "AbortError"));
      });
      this.queue.push(entry);
      this.grant(name);
    });
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  private grant(name: string): void {
    if (this.held.has(name)) return;
    const next = this.queue.find((e) => e.name === name);
    if (!next) return;
    this.queue = this.queue.filter((e) => e !== next);
    this.held.add(name);
    void Promise.resolve()
      .then(() => next.callback({ name }))
      .then(
        (value) => next.resolve(value),
        (error: unknown) => next.reject(error),
      )
      .finally(() => {
        this.held.delete(name);
        this.grant(name);
      });
  }
}

/** Channels of one name see each other's messages (not their own), asynchronously, cloned. */
export class FakeChannelHub {
  private readonly channels = new Set<FakeChannel>();
  readonly posted: unknown[] = [];

  create = (name: string): ChannelLike => {
    const channel = new FakeChannel(name, this);
    this.channels.add(channel);
    return channel;
  };

  deliver(from: FakeChannel, message: unknown): void {
    this.posted.push(message);
    for (const channel of this.channels) {
      if (channel === from || channel.name !== from.name) continue;
      const copy = structuredClone(message);
      queueMicrotask(() => channel.receive(copy));
    }
  }

  remove(channel: FakeChannel): void {
    this.channels.delete(channel);
  }
}

class FakeChannel implements ChannelLike {
  private readonly listeners: ((event: { data: unknown }) => void)[] = [];
  private closed = false;
  constructor(
    readonly name: string,
    private readonly hub: FakeChannelHub,
  ) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new Error("InvalidStateError: channel closed");
    this.hub.deliver(this, message);
  }

  addEventListener(_type: "message", listener: (event: { data: unknown }) => void): void {
    this.listeners.push(listener);
  }

  receive(data: unknown): void {
    if (this.closed) return;
    for (const listener of this.listeners) listener({ data });
  }

  close(): void {
    this.closed = true;
    this.hub.remove(this);
  }
}

export interface FakeStream extends OpenedStream {
  lastEventId: string | null;
  sink: StreamSink;
  closed: boolean;
  retries: number;
  /** Pushes a message as the server would. */
  push(message: RealtimeMessage): void;
  setState(state: ConnectionState): void;
}

/** An opener that records each stream it opens. */
export function fakeOpener(): { open: OpenStream; opened: FakeStream[] } {
  const opened: FakeStream[] = [];
  const open: OpenStream = (lastEventId, sink) => {
    const stream: FakeStream = {
      lastEventId,
      sink,
      closed: false,
      retries: 0,
      push: (message) => {
        if (!stream.closed) sink.message(message);
      },
      setState: (state) => {
        if (!stream.closed) sink.state(state);
      },
      close: () => {
        stream.closed = true;
      },
      retry: () => {
        stream.retries++;
      },
      nudge: () => undefined,
      browserOffline: () => undefined,
    };
    opened.push(stream);
    return stream;
  };
  return { open, opened };
}

/** A clock moved by hand; timers fire in time order as it advances. */
export class ManualClock implements Clock {
  private time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void; every: number | null }>();

  now = () => this.time;

  setTimeout = (fn: () => void, ms: number) => this.add(fn, ms, null);
  setInterval = (fn: () => void, ms: number) => this.add(fn, ms, ms);
  clearTimeout = (handle: unknown) => void this.timers.delete(handle as number);
  clearInterval = (handle: unknown) => void this.timers.delete(handle as number);

  private add(fn: () => void, ms: number, every: number | null): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn, every });
    return id;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let dueId: number | null = null;
      let due: { at: number; fn: () => void; every: number | null } | null = null;
      for (const [id, timer] of this.timers) {
        if (timer.at <= end && (!due || timer.at < due.at)) {
          due = timer;
          dueId = id;
        }
      }
      if (!due || dueId === null) break;
      this.time = due.at;
      if (due.every !== null) due.at += Math.max(1, due.every);
      else this.timers.delete(dueId);
      due.fn();
    }
    this.time = end;
  }

  pending(): number {
    return this.timers.size;
  }
}

export const event = (seq: number, kind: Extract<RealtimeMessage, { type: "event" }>["kind"] = "case.updated", entityId = "case-1", data: Record<string, string | number | boolean | null> = {}): RealtimeMessage => ({
  type: "event",
  seq,
  kind,
  entityId,
  data,
  at: new Date(0).toISOString(),
});

export const ready = (seq: number, missed = false): RealtimeMessage => ({ type: "ready", seq, missed });

export const presence = (caseId: string, ...names: string[]): RealtimeMessage => ({
  type: "presence",
  caseId,
  members: names.map((name) => ({ userId: `u-${name}`, name, state: "viewing" as const })),
});

/** Lets queued microtasks and zero-delay work (lock grants, channel deliveries) run. */
export const settle = async (rounds = 5) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
