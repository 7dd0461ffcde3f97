// Load shedding at the HTTP entry: past the in-flight limit a request is answered 503 OVERLOADED
// with Retry-After before any of its work (no authentication: no credentials still get 503, not
// 401); event streams are not counted; a released place admits the next request.
import { afterEach, describe, expect, it } from "vitest";
import { GET as trpcGET } from "@/app/api/trpc/[trpc]/route";
import { handleRestRequest } from "@/server/api/openapi/rest-handler";
import { admitRequest, loadSheddingStats, overrideInFlightLimit } from "./load-shedding";

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe("in-flight limit", () => {
  it("admits up to the limit, refuses the next with OVERLOADED, and admits again once a place is free", async () => {
    restore = overrideInFlightLimit(2);
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
});
