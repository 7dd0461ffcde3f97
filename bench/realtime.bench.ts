// Realtime fan-out on one instance: N open streams of one tenant (through the router, as SSE
// clients get them), then a colleague's case updates, one after another. For each update and each
// stream: the time from the update's commit (its call returning) to the event reaching the stream.
//   1 stream                the baseline: one read of the log, one delivery
//   100 / 1,000 streams     the same update fanned out; the hub still reads the log once per wake-up
// Notes give the heap per open stream (after a full GC, opened minus closed) and the bus in use.
import v8 from "node:v8";
import vm from "node:vm";
import type { RealtimeMessage } from "@/lib/realtime/events";
import { createCaller } from "@/server/api/root";
import { createTRPCContext, TENANT_HEADER } from "@/server/api/context";
import type { SessionUser } from "@/server/auth/session-user";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { getBus } from "@/server/realtime/bus";
import { getHub } from "@/server/realtime/hub";
import { summarize } from "./lib/measure";
import type { BenchModule, BenchRow } from "./lib/types";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

interface Opened {
  close(): void;
  done: Promise<void>;
}

/** Opens a stream and records, per event seq, when it arrived. */
async function openStream(user: SessionUser, slug: string, arrivals: Map<number, number[]>): Promise<Opened> {
  const controller = new AbortController();
  const ctx = await createTRPCContext({ headers: new Headers({ [TENANT_HEADER]: slug }), user });
  const iterable = (await createCaller(ctx, { signal: controller.signal }).realtime.events({})) as unknown as AsyncIterable<[string, RealtimeMessage]>;
  const iterator = iterable[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || first.value[1].type !== "ready") throw new Error("realtime bench: the stream did not open with ready");
  const done = (async () => {
    for (;;) {
      const { value, done: ended } = await iterator.next();
      if (ended) return;
      const message = value[1];
      if (message.type === "event" && message.kind === "case.updated") {
        const at = performance.now();
        let list = arrivals.get(message.seq);
        if (!list) arrivals.set(message.seq, (list = []));
        list.push(at);
      }
    }
  })();
  return { close: () => controller.abort(), done };
}

export const realtimeBench: BenchModule = {
  name: "realtime",
  title: "Realtime fan-out: commit of a case update → event on each open stream",
  async run(ctx) {
    const counts = ctx.quick ? [1, 10, 50] : [1, 100, 1_000];
    const updates = ctx.quick ? 5 : 30;
    const tenant = await ctx.syntheticTenant("bench-realtime", ctx.quick ? 100 : 1_000);
    const { members, caseRow } = await withPrivilegedDb("bench setup", async (db) => ({
      members: await db.membership.findMany({ where: { tenantId: tenant.id }, select: { user: { select: { id: true, email: true, name: true } } } }),
      caseRow: await db.case.findFirstOrThrow({ where: { tenantId: tenant.id, status: { not: "CLOSED" } }, select: { id: true, version: true } }),
    }));
    const users: SessionUser[] = members.map((m) => ({ ...m.user, platformRole: null }));
    const writer = createCaller(await createTRPCContext({ headers: new Headers({ [TENANT_HEADER]: tenant.slug }), user: users[0]! }));
    let version = caseRow.version;
    const rows: BenchRow[] = [];
    const notes: string[] = [`bus: ${getBus().kind}`];

    for (const count of counts) {
      const arrivals = new Map<number, number[]>();
      gc();
      const heapBefore = process.memoryUsage().heapUsed;
      const streams: Opened[] = [];
      for (let i = 0; i < count; i++) streams.push(await openStream(users[i % users.length]!, tenant.slug, arrivals));
      gc();
      const heapOpen = process.memoryUsage().heapUsed;
      ctx.log(`${count} streams open (hub: ${JSON.stringify(getHub().stats())})`);

      const committed = new Map<number, number>();
      const samples: number[] = [];
      for (let u = 0; u < updates; u++) {
        const before = arrivals.size;
        const updated = await writer.cases.update({ id: caseRow.id, version, title: `Realtime bench ${count}-${u}` });
        const at = performance.now();
        version = updated.version;
        // The event's seq is the next one the streams see; wait until every stream has it.
        const deadline = Date.now() + 30_000;
        while (Date.now() < deadline) {
          const latest = [...arrivals.entries()].find(([seq]) => !committed.has(seq) && seq > 0);
          if (arrivals.size > before && latest && latest[1].length >= count) {
            committed.set(latest[0], at);
            break;
          }
          await new Promise((r) => setTimeout(r, 2));
        }
        if (arrivals.size === before) throw new Error(`realtime bench: update ${u} reached no stream within 30 s`);
      }
      for (const [seq, times] of arrivals) {
        const at = committed.get(seq);
        if (at === undefined) continue;
        if (times.length !== count) throw new Error(`realtime bench: event ${seq} reached ${times.length} of ${count} streams`);
        // Delivery can beat the caller's own return by a hair on PostgreSQL: clamp at zero.
        for (const t of times) samples.push(Math.max(0, t - at));
      }
      for (const s of streams) s.close();
      await Promise.all(streams.map((s) => s.done));
      gc();
      const perStream = Math.round((heapOpen - heapBefore) / count);
      // One stream's share is lost in the heap's noise; from a hundred up the figure is steady.
      if (count >= 100) notes.push(`${count.toLocaleString("en-US")} streams: ~${(perStream / 1024).toFixed(1)} KiB of heap each while open`);
      rows.push({ label: `${count.toLocaleString("en-US")} stream${count === 1 ? "" : "s"}`, baseline: count === 1, stats: summarize(samples) });
    }
    return { subtitle: `${updates} sequential updates per row, one tenant`, rows, notes };
  },
};
