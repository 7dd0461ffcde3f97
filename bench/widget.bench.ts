// Website chat on one instance: N visitors, each with a session and an open event stream (the
// widget's HTTP surface, in process), all sending a message at the same moment. For each message:
// the time from the visitor's POST to the message arriving on that visitor's own stream — the
// round trip every chat message makes (write, case and customer on the first, event log, hub,
// the stream's own read of the message as the visitor may see it).
//   1 conversation          the baseline: one visitor at a time
//   200 conversations       two hundred visitors writing at once
import { handleWidgetRequest } from "@/server/api/openapi/widget-rest-handler";
import { withTenantDb } from "@/server/db/tenant-db";
import { createLimiter, overrideLimiters } from "@/server/rate-limit/limiters";
import { getChatWidget } from "@/server/services/chat/widget-settings";
import { retryDelayMs } from "@/components/widget/widget-api";
import { summarize } from "./lib/measure";
import type { BenchModule, BenchRow } from "./lib/types";

const ORIGIN = "http://bench.caseboard.test";

async function call(path: string, init: { method: string; token?: string; body?: unknown }): Promise<Response> {
  const headers = new Headers({ host: "bench.caseboard.test", "content-type": "application/json" });
  if (init.token) headers.set("x-visitor-token", init.token);
  return handleWidgetRequest(new Request(`${ORIGIN}/api/widget/v1${path}`, { method: init.method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }));
}

interface Visitor {
  token: string;
  /** Resolves when the stream delivers a message with this body. */
  arrival(body: string): Promise<number>;
  close(): void;
}

async function openVisitor(widgetId: string): Promise<Visitor> {
  const session = await call(`/${widgetId}/session`, { method: "POST", body: {} });
  const { visitorToken: token } = (await session.json()) as { visitorToken: string };
  const abort = new AbortController();
  const res = await handleWidgetRequest(new Request(`${ORIGIN}/api/widget/v1/${widgetId}/events?token=${token}`, { headers: { host: "bench.caseboard.test" }, signal: abort.signal }));
  if (res.status !== 200) throw new Error(`widget bench: stream answered ${res.status}`);
  const waiting = new Map<string, (at: number) => void>();
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const data = buffer.slice(0, end).split("\n").find((l) => l.startsWith("data: "));
        buffer = buffer.slice(end + 2);
        if (!data) continue;
        const event = JSON.parse(data.slice(6)) as { type: string; message?: { body: string } };
        if (event.type === "message" && event.message) waiting.get(event.message.body)?.(performance.now());
      }
    }
  })();
  return {
    token,
    arrival: (body) => new Promise((resolve) => waiting.set(body, resolve)),
    close: () => abort.abort(),
  };
}

/** 503s answered (and sent again) during the current row. */
const shed = { count: 0 };

/** Every visitor sends at once; each sample is one message's POST → own stream (retries included). */
async function round(widgetId: string, visitors: Visitor[], label: string): Promise<number[]> {
  return Promise.all(
    visitors.map(async (v, i) => {
      const body = `${label} from visitor ${i}`;
      const arrived = v.arrival(body);
      const started = performance.now();
      // As the widget does: a 503 (the instance shedding load) is sent again after its Retry-After,
      // spread (the widget gives up after five; here every message must get through to be measured).
      let res = await call(`/${widgetId}/messages`, { method: "POST", token: v.token, body: { body } });
      for (let attempt = 0; res.status === 503 && attempt < 120; attempt++) {
        shed.count++;
        await new Promise((r) => setTimeout(r, retryDelayMs(Number(res.headers.get("retry-after") ?? 1))));
        res = await call(`/${widgetId}/messages`, { method: "POST", token: v.token, body: { body } });
      }
      if (res.status !== 200) throw new Error(`widget bench: send answered ${res.status} ${await res.text()}`);
      const at = await Promise.race([arrived, new Promise<number>((_, reject) => setTimeout(() => reject(new Error("widget bench: a message did not arrive within 60 s")), 60_000))]);
      return at - started;
    }),
  );
}

export const widgetBench: BenchModule = {
  name: "widget",
  title: "Website chat: a visitor's message → the same message on their live stream, 1 vs 200 conversations at once",
  async run(ctx) {
    const many = ctx.quick ? 20 : 200;
    const rounds = ctx.quick ? 2 : 5;
    const tenant = await ctx.syntheticTenant("bench-widget", ctx.quick ? 100 : 1_000);
    const widgetId = await withTenantDb(tenant.id, async (db) => (await getChatWidget(db)).publicId);
    // One address sends everything here: the widget's per-IP budgets would stop the run.
    const restore = overrideLimiters({
      widgetIp: createLimiter({ keyPrefix: "bench-widget-ip", points: 1_000_000, durationSeconds: 60 }),
      widgetSessionIp: createLimiter({ keyPrefix: "bench-widget-session", points: 1_000_000, durationSeconds: 60 }),
      widgetMessagesIp: createLimiter({ keyPrefix: "bench-widget-messages-ip", points: 1_000_000, durationSeconds: 60 }),
    });
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    try {
      for (const count of [1, many]) {
        const visitors: Visitor[] = [];
        for (let i = 0; i < count; i++) visitors.push(await openVisitor(widgetId));
        ctx.log(`${count} visitors with open streams`);
        // The first message of each makes its customer and case: measured apart from the rest.
        const samples: number[] = [];
        shed.count = 0;
        const first = await round(widgetId, visitors, "first");
        for (let r = 0; r < rounds; r++) samples.push(...(await round(widgetId, visitors, `round ${r}`)));
        for (const v of visitors) v.close();
        notes.push(`${count} at once: ${shed.count} send${shed.count === 1 ? "" : "s"} answered 503 (the instance shedding load) and sent again after Retry-After`);
        rows.push({ label: `${count} conversation${count === 1 ? "" : "s"} at once`, baseline: count === 1, stats: summarize(samples) });
        rows.push({ label: `  … first message (new customer and case)`, stats: summarize(first) });
      }
    } finally {
      restore();
    }
    return {
      subtitle: `${rounds} rounds of one message per visitor (after each visitor's first), one tenant`,
      rows,
      notes: [...notes, "A row's p99 over its baseline's is the figure to watch: the cost of 200 visitors writing at the same moment on one instance."],
    };
  },
};
