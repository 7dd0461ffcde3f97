// The realtime stream over HTTP, as EventSource clients see it: server-sent events whose ids are
// the client's position, resumed from the Last-Event-ID a reconnecting client sends, the tenant
// named by connectionParams (browsers cannot set headers on EventSource), and refusals in the one
// error shape.
import { describe, expect, it } from "vitest";
import { createTestApiKey, createTestCases, createTestTenant } from "@/test/factories";
import { GET } from "./route";

interface SseEvent {
  id?: string;
  event?: string;
  data?: unknown;
}

/** Opens the stream and returns a reader of parsed SSE events (pings and comments skipped). */
async function open(key: string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const url = new URL("http://caseboard.test/api/trpc/realtime.events");
  url.searchParams.set("input", JSON.stringify({ json: {} }));
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const controller = new AbortController();
  const res = await GET(new Request(url, { headers: { authorization: `Bearer ${key}`, ...headers }, signal: controller.signal }));
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  async function next(ms = 5_000): Promise<SseEvent | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = {};
        for (const line of block.split("\n")) {
          const [field, ...rest] = line.split(": ");
          const value = rest.join(": ");
          if (field === "id") event.id = value;
          else if (field === "event") event.event = value;
          else if (field === "data") event.data = JSON.parse(value);
        }
        if (event.data !== undefined || event.event) return event;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("no server-sent event in time");
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk === null) continue;
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  }
  /** Skips the connection preamble and returns the "ready" message. */
  async function ready() {
    for (;;) {
      const e = await next();
      if (!e) throw new Error("stream ended before ready");
      const json = (e.data as { json?: { type?: string } } | undefined)?.json;
      if (json?.type === "ready") return e;
    }
  }
  return { res, next, ready, close: () => controller.abort() };
}

describe("realtime.events over server-sent events", () => {
  it("streams events with their seq as the event id, and resumes from Last-Event-ID", async () => {
    const tenant = await createTestTenant("sse");
    const key = await createTestApiKey(tenant, { role: "VIEWER" });
    const first = await open(key);
    expect(first.res.status).toBe(200);
    expect(first.res.headers.get("content-type")).toBe("text/event-stream");
    expect(first.res.headers.get("cache-control")).toContain("no-store");
    expect(await first.ready()).toMatchObject({ id: "0", data: { json: { type: "ready", seq: 0, missed: false } } });
    const [a] = await createTestCases(tenant, ["First over SSE"]);
    expect(await first.next()).toMatchObject({ id: "1", data: { json: { type: "event", seq: 1, kind: "case.created", entityId: a!.id } } });
    first.close();

    const [b, c] = await createTestCases(tenant, ["Missed one", "Missed two"]);
    const again = await open(key, {}, { "last-event-id": "1" });
    const replayed = [await again.next(), await again.next(), await again.next(), await again.next()];
    const messages = replayed.map((e) => (e?.data as { json?: { type: string; entityId?: string } } | undefined)?.json).filter((m) => m?.type !== undefined);
    expect(messages.map((m) => [m!.type, m!.entityId])).toEqual([
      ["event", b!.id],
      ["event", c!.id],
      ["ready", undefined],
    ]);
    again.close();
  });

  it("reads the tenant from connectionParams, and refuses another tenant's slug in the one error shape", async () => {
    const [mine, other] = [await createTestTenant("sse-cp"), await createTestTenant("sse-other")];
    const key = await createTestApiKey(mine);
    const ok = await open(key, { connectionParams: JSON.stringify({ tenant: mine.slug }) });
    await ok.ready();
    ok.close();
    const refused = await open(key, { connectionParams: JSON.stringify({ tenant: other.slug }) }, { "x-request-id": "req-sse-refused-1" });
    let error: SseEvent | null = null;
    for (let i = 0; i < 5 && !error; i++) {
      const e = await refused.next();
      if (e?.event === "serialized-error") error = e;
    }
    expect(error?.data).toMatchObject({ json: { data: { code: "NOT_FOUND", requestId: "req-sse-refused-1" } } });
    refused.close();
  });
});
