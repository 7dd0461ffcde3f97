import { describe, expect, it } from "vitest";
import type { RealtimeMessage } from "@/lib/realtime/events";
import type { ConnectionState } from "./connection-state";
import {
  backoffDelay,
  isAccessError,
  NUDGE_SILENCE_MS,
  OFFLINE_AFTER_MS,
  openEventStream,
  SILENCE_RECYCLE_MS,
  type Subscribe,
  type SubscriptionCallbacks,
} from "./event-stream";
import { event, ManualClock, ready } from "./test-fakes";

interface Sub {
  input: { lastEventId: string | null };
  cb: SubscriptionCallbacks;
  unsubscribed: boolean;
}

function setup(lastEventId: string | null = null) {
  const clock = new ManualClock();
  const subs: Sub[] = [];
  const messages: RealtimeMessage[] = [];
  const states: ConnectionState[] = [];
  let traffic = 0;
  const subscribe: Subscribe = (input, cb) => {
    const sub: Sub = { input, cb, unsubscribed: false };
    subs.push(sub);
    return {
      unsubscribe() {
        sub.unsubscribed = true;
        // tRPC completes the observer when it is unsubscribed; that must not count as an end.
        cb.onComplete();
      },
    };
  };
  const stream = openEventStream({
    subscribe,
    lastEventId,
    clock,
    random: () => 1,
    lastTraffic: () => traffic,
    sink: { message: (m) => messages.push(m), state: (s) => states.push(s) },
  });
  const last = () => subs.at(-1)!;
  const data = (id: number, message: RealtimeMessage, sub = last()) => sub.cb.onData({ id: String(id), data: message });
  return { clock, subs, messages, states, stream, last, data, setTraffic: (t: number) => (traffic = t) };
}

const accessError = (code: string) => ({ data: { code }, shape: { code: -32000 } });

describe("the event stream", () => {
  it("resumes from the given position and is live once the server says it caught up", () => {
    const s = setup("41");
    expect(s.subs).toHaveLength(1);
    expect(s.last().input).toEqual({ lastEventId: "41" });
    expect(s.states).toEqual([]);

    s.data(42, event(42));
    s.data(42, ready(42));
    expect(s.states).toEqual(["live"]);
    expect(s.messages).toEqual([event(42), ready(42)]);
  });

  it("after the server ends the stream, subscribes again from the last tracked id", () => {
    const s = setup();
    s.data(7, ready(7));
    s.data(8, event(8));
    s.last().cb.onComplete();
    expect(s.states).toEqual(["live", "reconnecting"]);

    s.clock.advance(backoffDelay(0, () => 1));
    expect(s.subs).toHaveLength(2);
    expect(s.last().input).toEqual({ lastEventId: "8" });
    s.data(8, ready(8));
    expect(s.states.at(-1)).toBe("live");
  });

  it("backs off exponentially while failing, and says offline when it lasts", () => {
    const s = setup();
    s.data(1, ready(1));
    const error = new Error("network");
    s.last().cb.onError(error);
    s.clock.advance(1_000);
    expect(s.subs).toHaveLength(2);
    s.last().cb.onError(error);
    s.clock.advance(1_999);
    expect(s.subs).toHaveLength(2);
    s.clock.advance(1);
    expect(s.subs).toHaveLength(3);
    expect(s.states).toEqual(["live", "reconnecting"]);

    s.clock.advance(OFFLINE_AFTER_MS);
    expect(s.states.at(-1)).toBe("offline");
    // Still trying: the first success is live again.
    s.data(1, ready(1));
    expect(s.states.at(-1)).toBe("live");
  });

  it.each(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"])("stops for good on %s and says offline, until asked to retry", (code) => {
    const s = setup();
    s.data(3, ready(3));
    s.last().cb.onError(accessError(code));
    expect(s.states).toEqual(["live", "offline"]);
    expect(s.last().unsubscribed).toBe(true);
    s.clock.advance(10 * 60_000);
    expect(s.subs).toHaveLength(1);

    s.stream.nudge();
    expect(s.subs).toHaveLength(1);

    s.stream.retry();
    expect(s.subs).toHaveLength(2);
    expect(s.last().input).toEqual({ lastEventId: "3" });
    expect(s.states.at(-1)).toBe("reconnecting");
  });

  it("shows reconnecting while the EventSource reconnects by itself, live again on its ready", () => {
    const s = setup();
    s.data(1, ready(1));
    s.last().cb.onConnectionStateChange({ state: "connecting", error: new Error("lost") });
    expect(s.states).toEqual(["live", "reconnecting"]);
    s.last().cb.onConnectionStateChange({ state: "pending", error: null });
    s.data(1, ready(1));
    expect(s.states).toEqual(["live", "reconnecting", "live"]);
    expect(s.subs).toHaveLength(1);
  });

  it("reopens a stream that stayed silent too long (a dead connection looks quiet), without showing it", () => {
    const s = setup();
    s.data(5, ready(5));
    s.clock.advance(SILENCE_RECYCLE_MS + 15_000);
    expect(s.subs).toHaveLength(2);
    expect(s.subs[0]!.unsubscribed).toBe(true);
    expect(s.last().input).toEqual({ lastEventId: "5" });
    expect(s.states).toEqual(["live"]);
  });

  it("does not reopen a quiet stream whose EventSource still hears pings", () => {
    const s = setup();
    s.data(5, ready(5));
    for (let i = 0; i < 20; i++) {
      s.clock.advance(15_000);
      s.setTraffic(s.clock.now());
    }
    expect(s.subs).toHaveLength(1);
  });

  it("ignores callbacks of a subscription it already replaced", () => {
    const s = setup();
    s.data(1, ready(1));
    const old = s.last();
    old.cb.onError(new Error("boom"));
    s.clock.advance(1_000);
    old.cb.onData({ id: "99", data: event(99) });
    old.cb.onError(accessError("UNAUTHORIZED"));
    expect(s.messages).toEqual([ready(1)]);
    expect(s.states.at(-1)).toBe("reconnecting");
  });

  it("reopens at once when the browser is back online after a silence", () => {
    const s = setup();
    s.data(1, ready(1));
    s.stream.browserOffline();
    expect(s.states.at(-1)).toBe("offline");
    s.clock.advance(NUDGE_SILENCE_MS);
    s.stream.nudge();
    expect(s.subs).toHaveLength(2);
    s.data(1, ready(1));
    expect(s.states.at(-1)).toBe("live");
  });

  it("close() ends everything: no retries, no watchdog", () => {
    const s = setup();
    s.data(1, ready(1));
    s.stream.close();
    expect(s.last().unsubscribed).toBe(true);
    s.clock.advance(60 * 60_000);
    expect(s.subs).toHaveLength(1);
    expect(s.clock.pending()).toBe(0);
  });
});

describe("isAccessError", () => {
  it("reads the code the error formatter names, or tRPC's JSON-RPC code", () => {
    expect(isAccessError(accessError("FORBIDDEN"))).toBe(true);
    expect(isAccessError({ data: null, shape: { code: -32001 } })).toBe(true);
    expect(isAccessError(accessError("INTERNAL_SERVER_ERROR"))).toBe(false);
    expect(isAccessError(accessError("TOO_MANY_REQUESTS"))).toBe(false);
    expect(isAccessError(new Error("network"))).toBe(false);
    expect(isAccessError(null)).toBe(false);
  });
});

describe("backoffDelay", () => {
  it("doubles from a second up to half a minute, with jitter below the base", () => {
    expect([0, 1, 2, 5, 10].map((n) => backoffDelay(n, () => 1))).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
    expect(backoffDelay(0, () => 0)).toBe(500);
  });
});
