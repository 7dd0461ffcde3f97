// The visitor's live view over the widget's event stream (text/event-stream, as a browser's
// EventSource reads it): agents' public replies arrive, internal notes never do, agents typing
// and reading show, and a reconnect with Last-Event-ID resumes without losing a message.
import { beforeAll, describe, expect, it } from "vitest";
import type { WidgetStreamEvent } from "@/lib/validations/chat-widget";
import { handleWidgetRequest } from "@/server/api/openapi/widget-rest-handler";
import { withTenantDb } from "@/server/db/tenant-db";
import { uploadByUser } from "@/server/services/attachments/attachment-test-kit";
import { scanAttachment } from "@/server/services/attachments/scan-job";
import { hashVisitorToken } from "@/server/services/chat/visitors";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { APP_ORIGIN, setUpWidget, visitorToken, widgetCall } from "@/test/widget-kit";

let tenant: TestTenant;
let widgetId: string;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;

beforeAll(async () => {
  tenant = await createTestTenant("chat-live");
  ({ widgetId } = await setUpWidget(tenant));
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
});

/** Reads the stream's events as they come; `next(match)` waits for the first that matches. */
function openEvents(token: string, lastEventId?: string) {
  const abort = new AbortController();
  const headers = new Headers({ host: "caseboard.test", accept: "text/event-stream" });
  if (lastEventId) headers.set("last-event-id", lastEventId);
  const answer = handleWidgetRequest(new Request(`${APP_ORIGIN}/api/widget/v1/${widgetId}/events?token=${token}`, { headers, signal: abort.signal }));
  const seen: { id: string | null; event: WidgetStreamEvent }[] = [];
  let buffer = "";
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  const decoder = new TextDecoder();
  async function next(match: (e: WidgetStreamEvent) => boolean, timeoutMs = 8_000) {
    reader ??= (await answer).body!.getReader();
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = seen.find((s) => match(s.event));
      if (found) return found;
      if (Date.now() > until) throw new Error(`no matching event; had ${JSON.stringify(seen)}`);
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").find((l) => l.startsWith("data: "));
        const id = block.split("\n").find((l) => l.startsWith("id: "));
        if (data) seen.push({ id: id?.slice(4) ?? null, event: JSON.parse(data.slice(6)) as WidgetStreamEvent });
      }
    }
  }
  return { answer, seen, next, close: () => abort.abort() };
}

const caseOf = (token: string) =>
  withTenantDb(tenant.id, async (db) => (await db.chatVisitor.findFirstOrThrow({ where: { tokenHash: hashVisitorToken(token) }, select: { caseId: true } })).caseId!);

describe("the widget's event stream", () => {
  it("refuses a stream without a visitor session", async () => {
    const res = await handleWidgetRequest(new Request(`${APP_ORIGIN}/api/widget/v1/${widgetId}/events?token=cv_nobody`, { headers: { host: "caseboard.test" } }));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "UNAUTHORIZED", requestId: expect.any(String) });
  });

  it("carries the agent's public reply live, never the internal note, and the visitor's own message", async () => {
    const token = await visitorToken(widgetId);
    const stream = openEvents(token);
    try {
      expect((await stream.answer).headers.get("content-type")).toBe("text/event-stream");
      // The stream is open before the first message: the case it makes becomes the stream's.
      await new Promise((r) => setTimeout(r, 200));
      await widgetCall("POST", `/${widgetId}/messages`, { token, body: { body: "Is anyone there?" } });
      await stream.next((e) => e.type === "message" && e.message.body === "Is anyone there?");
      const caseId = await caseOf(token);
      await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "Secret: VIP customer" });
      await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "Hi! Yes, how can I help?" });
      const reply = await stream.next((e) => e.type === "message" && e.message.from === "agent");
      expect(reply.event).toMatchObject({ message: { body: "Hi! Yes, how can I help?", authorName: tenant.users.AGENT.name.split(" ")[0] } });
      expect(reply.id).toMatch(/^\d+$/);
      expect(JSON.stringify(stream.seen)).not.toContain("VIP");
    } finally {
      stream.close();
    }
  });

  it("shows an agent typing and having seen the visitor's message", async () => {
    const token = await visitorToken(widgetId);
    await widgetCall("POST", `/${widgetId}/messages`, { token, body: { body: "Hello" } });
    const caseId = await caseOf(token);
    const stream = openEvents(token);
    try {
      await stream.answer;
      await new Promise((r) => setTimeout(r, 200));
      await agent.realtime.presence({ caseId, state: "replying" });
      const typing = await stream.next((e) => e.type === "typing" && e.agents.length > 0);
      expect(typing.event).toEqual({ type: "typing", agents: [tenant.users.AGENT.name.split(" ")[0]] });
      const seen = await stream.next((e) => e.type === "seen");
      const history = (await widgetCall("GET", `/${widgetId}/messages`, { token })).body as { messages: { id: string }[]; seenByAgentUpTo: string };
      expect(seen.event).toEqual({ type: "seen", upTo: history.messages[0]!.id });
      expect(history.seenByAgentUpTo).toBe(history.messages[0]!.id);
    } finally {
      stream.close();
    }
  });

  it("sends a reply again once the malware scan has released its file; a note's file stays out", async () => {
    const token = await visitorToken(widgetId);
    await widgetCall("POST", `/${widgetId}/messages`, { token, body: { body: "Can you send the invoice?" } });
    const caseId = await caseOf(token);
    const stream = openEvents(token);
    try {
      await stream.answer;
      await new Promise((r) => setTimeout(r, 200));
      const invoice = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("invoice 42"), "invoice.txt", { scan: true });
      const note = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("internal"), "internal.txt", { scan: true });
      await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "Here it is", attachmentIds: [invoice.id] });
      await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "", attachmentIds: [note.id] });
      const held = await stream.next((e) => e.type === "message" && e.message.body === "Here it is");
      expect(held.event).toMatchObject({ message: { attachments: [{ filename: "invoice.txt", status: "SCANNING", url: null }] } });
      for (const id of [note.id, invoice.id]) await scanAttachment((fn) => withTenantDb(tenant.id, fn), id, null);
      const released = await stream.next((e) => e.type === "message" && e.message.attachments[0]?.status === "READY");
      expect(released.event).toMatchObject({ message: { body: "Here it is", attachments: [{ filename: "invoice.txt", url: expect.stringContaining(invoice.id) }] } });
      expect(JSON.stringify(stream.seen)).not.toContain("internal.txt");
    } finally {
      stream.close();
    }
  });

  it("resumes after a reconnect from the last event id, with what was sent in between", async () => {
    const token = await visitorToken(widgetId);
    await widgetCall("POST", `/${widgetId}/messages`, { token, body: { body: "First" } });
    const caseId = await caseOf(token);
    const first = openEvents(token);
    await first.answer;
    await new Promise((r) => setTimeout(r, 200));
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "Reply one" });
    const one = await first.next((e) => e.type === "message" && e.message.body === "Reply one");
    first.close();
    // Sent while the visitor was away.
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "Reply two" });
    const second = openEvents(token, one.id!);
    try {
      await second.next((e) => e.type === "message" && e.message.body === "Reply two");
      expect(second.seen.some((s) => s.event.type === "message" && s.event.message.body === "Reply one")).toBe(false);
    } finally {
      second.close();
    }
  });
});
