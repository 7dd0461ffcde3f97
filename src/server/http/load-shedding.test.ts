// Load shedding at the HTTP entry: past the in-flight limit a request waits briefly in a short
// line for a place, and past the line (or the wait) it is answered 503 OVERLOADED with Retry-After
// before any of its work (no authentication: no credentials still get 503, not 401); event
// streams are not counted; a released place goes to the oldest request waiting.
import { afterEach, describe, expect, it } from "vitest";
import { GET as trpcGET } from "@/app/api/trpc/[trpc]/route";
import { handleRestRequest } from "@/server/api/openapi/rest-handler";
import { admitRequest, defaultInFlightLimit, defaultWaitingRoom, loadSheddingStats, overrideInFlightLimit, overrideWaitingRoom } from "./load-shedding";

let restore: (() => void) | undefined;
let restoreRoom: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restoreRoom?.();
  restore = restoreRoom = undefined;
});

describe("in-flight limit", () => {
  it("admits up to the limit, refuses the next with OVERLOADED, and admits again once a place is free", async () => {
    restore = overrideInFlightLimit(2);
    restoreRoom = overrideWaitingRoom({ length: 0, waitMs: 0 });
    const a = await admitRequest();
    const b = await admitRequest();
    expect(a.ok && b.ok).toBe(true);
    const c = await admitRequest();
    expect(c.ok).toBe(false);
    if (!c.ok) expect({ status: c.error.httpStatus, reason: c.error.details?.reason, retryAfter: c.error.details?.retryAfterSeconds }).toEqual({ status: 503, reason: "OVERLOADED", retryAfter: 1 });
    // Streams take no place.
    const stream = await admitRequest({ counted: false });
    expect(stream.ok).toBe(true);
    if (a.ok) {
      a.admission.release();
      a.admission.release(); // idempotent
    }
    expect(loadSheddingStats().inFlight).toBe(1);
    const d = await admitRequest();
    expect(d.ok).toBe(true);
    for (const r of [b, d]) if (r.ok) r.admission.release();
    expect(loadSheddingStats().inFlight).toBe(0);
  });

  it("REST and tRPC answer 503 with Retry-After and the error shape before authenticating; event streams still open", async () => {
    restore = overrideInFlightLimit(1);
    restoreRoom = overrideWaitingRoom({ length: 0, waitMs: 0 });
    const held = await admitRequest();
    try {
      const rest = await handleRestRequest(new Request("http://localhost/api/v1/cases", { headers: { "x-request-id": "shed-rest" } }), { user: null });
      expect(rest.status).toBe(503);
      expect(rest.headers.get("retry-after")).toBe("1");
      expect(await rest.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE", details: { reason: "OVERLOADED" }, requestId: "shed-rest" });

      const trpc = await trpcGET(new Request("http://localhost/api/trpc/cases.list?input=%7B%7D"));
      expect(trpc.status).toBe(503);
      expect(trpc.headers.get("retry-after")).toBe("1");

      // An event stream is not refused for the limit (it answers 401 here: no credentials).
      const stream = await trpcGET(new Request("http://localhost/api/trpc/realtime.events?input=%7B%7D", { headers: { accept: "text/event-stream" } }));
      expect(stream.status).not.toBe(503);
      await stream.body?.cancel();
    } finally {
      if (held.ok) held.admission.release();
    }
    // Every refused request gave its place back: only what the test holds was ever in flight.
    expect(loadSheddingStats().inFlight).toBe(0);
  });

  it("a request that finds every place taken waits in line and gets the next place freed, oldest first", async () => {
    restore = overrideInFlightLimit(1);
    restoreRoom = overrideWaitingRoom({ length: 2, waitMs: 5_000 });
    const first = await admitRequest();
    expect(first.ok).toBe(true);
    const order: string[] = [];
    const second = admitRequest().then((r) => (order.push("second"), r));
    const third = admitRequest().then((r) => (order.push("third"), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadSheddingStats()).toMatchObject({ inFlight: 1, waiting: 2 });
    // The line is full: the next is refused at once, without waiting.
    const started = performance.now();
    const fourth = await admitRequest();
    expect(fourth.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
    if (first.ok) first.admission.release();
    const got = await second;
    expect(got.ok).toBe(true);
    expect(order).toEqual(["second"]);
    expect(loadSheddingStats()).toMatchObject({ inFlight: 1, waiting: 1 });
    if (got.ok) got.admission.release();
    const last = await third;
    expect(order).toEqual(["second", "third"]);
    if (last.ok) last.admission.release();
    expect(loadSheddingStats()).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it("a request that waits longer than the wait allows is refused with OVERLOADED and leaves the line", async () => {
    restore = overrideInFlightLimit(1);
    restoreRoom = overrideWaitingRoom({ length: 4, waitMs: 30 });
    const held = await admitRequest();
    const shedBefore = loadSheddingStats().shed;
    const waited = await admitRequest();
    expect(waited.ok).toBe(false);
    if (!waited.ok) expect(waited.error.details?.reason).toBe("OVERLOADED");
    expect(loadSheddingStats()).toMatchObject({ inFlight: 1, waiting: 0, shed: shedBefore + 1 });
    // A release with nobody waiting frees the place for the next newcomer.
    if (held.ok) held.admission.release();
    const next = await admitRequest();
    expect(next.ok).toBe(true);
    if (next.ok) next.admission.release();
    expect(loadSheddingStats().inFlight).toBe(0);
  });

  it("a newcomer does not overtake requests already waiting", async () => {
    restore = overrideInFlightLimit(1);
    restoreRoom = overrideWaitingRoom({ length: 4, waitMs: 5_000 });
    const held = await admitRequest();
    const waiter = admitRequest();
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (held.ok) held.admission.release();
    // The place went to the waiter in the release itself: a newcomer now finds none free.
    expect(loadSheddingStats()).toMatchObject({ inFlight: 1, waiting: 0 });
    const w = await waiter;
    expect(w.ok).toBe(true);
    if (w.ok) w.admission.release();
  });

  it("by default admits as many as the database has connections (at least 4); a production build on PostgreSQL no more than the host has cores (at least 2)", () => {
    expect(defaultInFlightLimit(10, 2, true)).toBe(2);
    expect(defaultInFlightLimit(10, 8, true)).toBe(8);
    expect(defaultInFlightLimit(10, 32, true)).toBe(10);
    expect(defaultInFlightLimit(10, 1, true)).toBe(2);
    // A dev server, or the embedded database (one connection): the connections' rule.
    expect(defaultInFlightLimit(10, 2, false)).toBe(10);
    expect(defaultInFlightLimit(1, 8, false)).toBe(4);
  });

  it("by default lets half as many wait as may be in flight (at least 1), 25 ms each", () => {
    expect(defaultWaitingRoom(2)).toEqual({ length: 1, waitMs: 25 });
    expect(defaultWaitingRoom(10)).toEqual({ length: 5, waitMs: 25 });
    expect(defaultWaitingRoom(1)).toEqual({ length: 1, waitMs: 25 });
  });
});
