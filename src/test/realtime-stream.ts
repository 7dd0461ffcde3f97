// Opens a realtime stream the way a client does (through the router and its middleware chain)
// and reads it with timeouts, for tests.
import type { RealtimeMessage } from "@/lib/realtime/events";
import { createCaller } from "@/server/api/root";
import { createTRPCContext, TENANT_HEADER } from "@/server/api/context";
import type { SessionUser } from "@/server/auth/session-user";

export interface TestStream {
  /** The next message, or "ended" when the stream finished; throws after `ms`. */
  next(ms?: number): Promise<RealtimeMessage | "ended">;
  /** Messages until one satisfies `until` (included); throws after `ms`. */
  readUntil(until: (m: RealtimeMessage) => boolean, ms?: number): Promise<RealtimeMessage[]>;
  /** Whatever arrives within `ms` (for "nothing arrives" checks). */
  drain(ms: number): Promise<RealtimeMessage[]>;
  /** The id the client would send back on reconnect. */
  readonly lastId: string | undefined;
  close(): void;
}

type Who = { user: SessionUser; slug: string } | { apiKey: string };

export async function openStream(who: Who, lastEventId?: string): Promise<TestStream> {
  const controller = new AbortController();
  const headers = new Headers("apiKey" in who ? { authorization: `Bearer ${who.apiKey}` } : { [TENANT_HEADER]: who.slug });
  const ctx = await createTRPCContext({ headers, user: "apiKey" in who ? undefined : who.user });
  const caller = createCaller(ctx, { signal: controller.signal });
  // Called on the server, a subscription yields tracked() envelopes, [id, data, marker]; over SSE
  // the id becomes the event's id.
  const iterable = (await caller.realtime.events({ lastEventId })) as unknown as AsyncIterable<[string, RealtimeMessage]>;
  const iterator = iterable[Symbol.asyncIterator]();
  let lastId: string | undefined = lastEventId;
  let pending: Promise<IteratorResult<[string, RealtimeMessage]>> | null = null;

  async function next(ms = 5_000): Promise<RealtimeMessage | "ended"> {
    pending ??= iterator.next();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), ms)));
    const result = await Promise.race([pending, timeout]);
    clearTimeout(timer);
    if (result === "timeout") throw new Error(`no stream message within ${ms} ms`);
    pending = null;
    if (result.done) return "ended";
    lastId = result.value[0];
    return result.value[1];
  }

  return {
    next,
    async readUntil(until, ms = 5_000) {
      const seen: RealtimeMessage[] = [];
      const deadline = Date.now() + ms;
      for (;;) {
        const m = await next(Math.max(1, deadline - Date.now()));
        if (m === "ended") throw new Error(`stream ended after ${JSON.stringify(seen)}`);
        seen.push(m);
        if (until(m)) return seen;
      }
    },
    async drain(ms) {
      const seen: RealtimeMessage[] = [];
      const deadline = Date.now() + ms;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0) return seen;
        try {
          const m = await next(left);
          if (m === "ended") return seen;
          seen.push(m);
        } catch {
          return seen;
        }
      }
    },
    get lastId() {
      return lastId;
    },
    close() {
      controller.abort();
    },
  };
}
