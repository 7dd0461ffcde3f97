// The networked buses, each as two "instances" (two buses on one backend, as two app processes
// would have): what one publishes reaches both, bad input is refused or ignored without harm,
// and an outage (connections cut, a server that accepts but never answers, a connection gone
// silent) makes publish answer false quickly, then heals by itself with onReconnect telling the
// consumer to re-read the log. PostgreSQL runs on the run's test database, Redis on REDIS_URL;
// both are skipped on the embedded-only run.
import { randomBytes, randomUUID } from "node:crypto";
import net from "node:net";
import { Redis } from "ioredis";
import pg from "pg";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { logger } from "@/server/logger";
import { startTcpProxy, type TcpProxy } from "@/test/tcp-proxy";
import { createPostgresBus } from "./postgres-bus";
import { createRedisBus } from "./redis-bus";
import { MAX_MESSAGE_BYTES, type BusMessage, type EventBus } from "./types";

interface Tuning {
  channel: string;
  connectTimeoutMs?: number;
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
}

interface Backend {
  name: "postgres" | "redis";
  url: string | null | undefined;
  channel(): string;
  create(url: string, tuning: Tuning): EventBus;
  /** Publishes a raw payload on the channel, bypassing the bus's checks. */
  rawPublish(url: string, channel: string, payload: string): Promise<void>;
}

const backends: Backend[] = [
  {
    name: "postgres",
    url: inject("testDatabaseUrl"),
    channel: () => `caseboard_test_${randomBytes(6).toString("hex")}`,
    create: (url, tuning) => createPostgresBus(url, tuning),
    async rawPublish(url, channel, payload) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("SELECT pg_notify($1, $2)", [channel, payload]);
      } finally {
        await client.end();
      }
    },
  },
  {
    name: "redis",
    url: process.env.REDIS_URL,
    channel: () => `caseboard:test:${randomUUID()}`,
    create: (url, tuning) => createRedisBus(url, tuning),
    async rawPublish(url, channel, payload) {
      const client = new Redis(url);
      try {
        await client.publish(channel, payload);
      } finally {
        await client.quit();
      }
    },
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, predicate: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** Everything a bus delivers, kept in order. */
function inbox(bus: EventBus) {
  const received: BusMessage[] = [];
  bus.subscribe((m) => received.push(m));
  return {
    received,
    seqs: (tenantId: string) => received.flatMap((m) => (m.type === "log" && m.tenantId === tenantId ? [m.seq] : [])),
    has: (tenantId: string, seq: number) => received.some((m) => m.type === "log" && m.tenantId === tenantId && m.seq === seq),
  };
}

/** Counts onReconnect calls; must be attached before the first subscribe to see the first one. */
function reconnectCounter(bus: EventBus) {
  const counter = { count: 0 };
  bus.onReconnect(() => (counter.count += 1));
  return counter;
}

function withPort(url: string, port: number): string {
  const u = new URL(url);
  u.hostname = "127.0.0.1";
  u.port = String(port);
  return u.toString();
}

function targetOf(url: string) {
  const u = new URL(url);
  return { host: u.hostname, port: Number(u.port || (u.protocol.startsWith("redis") ? 6379 : 5432)) };
}

async function timedPublish(bus: EventBus, message: BusMessage) {
  const started = performance.now();
  const ok = await bus.publish(message);
  return { ok, ms: performance.now() - started };
}

/** A proxy that can go silent: connections stay open, but nothing passes either way (a network that drops packets). */
async function startSilenceableProxy(target: { host: string; port: number }) {
  let silent = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on("data", (chunk) => {
        if (!silent) to.write(chunk);
      });
      from.on("close", () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on("error", () => from.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    silence: () => (silent = true),
    speak: () => (silent = false),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const log = (tenantId: string, seq: number): BusMessage => ({ type: "log", tenantId, seq });

const opened: EventBus[] = [];
const proxies: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(opened.splice(0).map((bus) => bus.close()));
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

for (const backend of backends) {
  const url = backend.url ?? "";

  /** Two instances on one channel, both listening. `a` may reach the server through `aUrl` (a proxy). */
  async function twoInstances(options: { aUrl?: string; a?: Partial<Tuning> } = {}) {
    const channel = backend.channel();
    const a = backend.create(options.aUrl ?? url, { channel, ...options.a });
    const b = backend.create(url, { channel });
    opened.push(a, b);
    const aReconnects = reconnectCounter(a);
    const bReconnects = reconnectCounter(b);
    const aInbox = inbox(a);
    const bInbox = inbox(b);
    await until("both instances listening", () => aReconnects.count === 1 && bReconnects.count === 1);
    return { channel, a, b, aInbox, bInbox, aReconnects, bReconnects };
  }

  describe.skipIf(!backend.url)(`${backend.name} bus`, () => {
    it("two instances hear each other and themselves, one publisher's messages in order", async () => {
      const { a, b, aInbox, bInbox, aReconnects } = await twoInstances();
      const tenant = `tenant-${randomUUID()}`;
      expect(a.kind).toBe(backend.name);
      expect(a.instanceId).not.toBe(b.instanceId);

      expect(await a.publish(log(tenant, 1))).toBe(true);
      await until("A's message on both", () => aInbox.has(tenant, 1) && bInbox.has(tenant, 1));
      expect(await b.publish(log(tenant, 2))).toBe(true);
      await until("B's message on both", () => aInbox.has(tenant, 2) && bInbox.has(tenant, 2));

      for (let seq = 3; seq <= 30; seq++) expect(await a.publish(log(tenant, seq))).toBe(true);
      await until("the burst on B", () => bInbox.has(tenant, 30));
      const expected = Array.from({ length: 30 }, (_, i) => i + 1);
      expect(bInbox.seqs(tenant)).toEqual(expected);
      await until("the burst on A", () => aInbox.has(tenant, 30));
      expect(aInbox.seqs(tenant)).toEqual(expected);

      // A presence message arrives whole, non-ASCII included.
      const presence: BusMessage = {
        type: "presence",
        tenantId: tenant,
        caseId: "case-1",
        userId: "user-1",
        name: "Zoë Ångström 李",
        state: "replying",
        instanceId: a.instanceId,
        expiresAt: Date.now() + 30_000,
      };
      await a.publish(presence);
      await until("the presence message", () => bInbox.received.some((m) => m.type === "presence"));
      expect(bInbox.received.find((m) => m.type === "presence")).toEqual(presence);
      // Listening since the start, connected throughout: onReconnect fired once, for the first LISTEN.
      expect(aReconnects.count).toBe(1);
    });

    it("an instance that only publishes needs no listening connection, and its messages arrive", async () => {
      const { channel, bInbox } = await twoInstances();
      const publisherOnly = backend.create(url, { channel });
      opened.push(publisherOnly);
      const tenant = `tenant-${randomUUID()}`;
      expect(await publisherOnly.publish(log(tenant, 7))).toBe(true);
      await until("the message on B", () => bInbox.has(tenant, 7));
    });

    it("a listener that throws is logged and the others still receive; unsubscribe stops delivery", async () => {
      const { a, b, bInbox } = await twoInstances();
      const error = vi.spyOn(logger, "error");
      const tenant = `tenant-${randomUUID()}`;
      b.subscribe(() => {
        throw new Error("listener bug");
      });
      const extra: BusMessage[] = [];
      const unsubscribe = b.subscribe((m) => extra.push(m));
      await a.publish(log(tenant, 1));
      await until("the first message", () => bInbox.has(tenant, 1) && extra.length === 1);
      unsubscribe();
      await a.publish(log(tenant, 2));
      await until("the second message", () => bInbox.has(tenant, 2));
      expect(extra).toEqual([log(tenant, 1)]);
      expect(error.mock.calls.filter((c) => String(c[1]).includes("message listener failed"))).toHaveLength(2);
    });

    it("refuses a payload too large (false, logged, not thrown); one just under the limit arrives intact", async () => {
      const { a, bInbox } = await twoInstances();
      const error = vi.spyOn(logger, "error");
      const tenant = `tenant-${randomUUID()}`;
      const presence = (name: string): BusMessage => ({
        type: "presence",
        tenantId: tenant,
        caseId: "case-1",
        userId: "user-1",
        name,
        state: "viewing",
        instanceId: a.instanceId,
        expiresAt: Date.now() + 30_000,
      });
      // Bytes, not characters: 3,300 two-byte characters are 6,600 bytes.
      const fits = presence("é".repeat(3_300));
      const tooLarge = presence("é".repeat(MAX_MESSAGE_BYTES / 2));
      expect(await a.publish(tooLarge)).toBe(false);
      expect(error.mock.calls.filter((c) => String(c[1]).includes("too large"))).toHaveLength(1);
      expect(await a.publish(fits)).toBe(true);
      await until("the message that fits", () => bInbox.received.length > 0);
      await a.publish(log(tenant, 1));
      await until("the next message", () => bInbox.has(tenant, 1));
      expect(bInbox.received).toEqual([fits, log(tenant, 1)]);
    });

    it("ignores and logs what arrives unparsed or of no known type, and goes on delivering", async () => {
      const { channel, a, bInbox } = await twoInstances();
      const warn = vi.spyOn(logger, "warn");
      const tenant = `tenant-${randomUUID()}`;
      for (const payload of ["not json", "", JSON.stringify({ type: "gossip", tenantId: tenant }), JSON.stringify({ type: "log", tenantId: tenant, seq: "1" }), "null"]) {
        await backend.rawPublish(url, channel, payload);
      }
      await a.publish(log(tenant, 1));
      await until("the valid message", () => bInbox.has(tenant, 1));
      expect(bInbox.received).toEqual([log(tenant, 1)]);
      const ignored = warn.mock.calls.map((c) => String(c[1])).filter((m) => m.includes("realtime bus ignored"));
      // Five bad payloads, each seen by both instances.
      expect(ignored.filter((m) => m.includes("not JSON"))).toHaveLength(4);
      expect(ignored.filter((m) => m.includes("no known shape"))).toHaveLength(6);
    });

    it("after close, no listener fires and publish answers false; the other instance carries on", async () => {
      const { a, b, aInbox, bInbox } = await twoInstances();
      const tenant = `tenant-${randomUUID()}`;
      const reconnected = vi.fn();
      a.onReconnect(reconnected);
      await a.close();
      expect(await a.publish(log(tenant, 1))).toBe(false);
      expect(await b.publish(log(tenant, 2))).toBe(true);
      await until("B's message on B", () => bInbox.has(tenant, 2));
      await sleep(200);
      expect(aInbox.received).toEqual([]);
      expect(reconnected).not.toHaveBeenCalled();
      await a.close();
    });

    it("connections cut: publish answers false at once and the outage is logged once; then it heals by itself", async () => {
      const proxy: TcpProxy = await startTcpProxy(targetOf(url));
      proxies.push(proxy);
      const { a, b, aInbox, bInbox, aReconnects } = await twoInstances({ aUrl: withPort(url, proxy.port) });
      const tenant = `tenant-${randomUUID()}`;
      expect(await a.publish(log(tenant, 1))).toBe(true);
      await until("the message before the outage", () => bInbox.has(tenant, 1) && aInbox.has(tenant, 1));

      const warn = vi.spyOn(logger, "warn");
      const info = vi.spyOn(logger, "info");
      await proxy.cut();
      await sleep(100);
      for (let seq = 2; seq <= 4; seq++) {
        const { ok, ms } = await timedPublish(a, log(tenant, seq));
        expect(ok).toBe(false);
        expect(ms).toBeLessThan(2_000);
      }
      // Published while A cannot listen: lost for A (it will re-read the log on reconnect).
      expect(await b.publish(log(tenant, 5))).toBe(true);
      await until("B's message on B", () => bInbox.has(tenant, 5));
      await sleep(1_000);
      expect(aInbox.has(tenant, 5)).toBe(false);
      const warned = warn.mock.calls.map((c) => String(c[1]));
      expect(warned.filter((m) => m === "realtime bus publish side unavailable")).toHaveLength(1);
      expect(warned.filter((m) => m === "realtime bus listen side unavailable")).toHaveLength(1);
      expect(aReconnects.count).toBe(1);

      await proxy.restore();
      await until("A listening again", () => aReconnects.count === 2, 10_000);
      expect(await b.publish(log(tenant, 6))).toBe(true);
      await until("B's message on A after the outage", () => aInbox.has(tenant, 6));
      let ok = false;
      // The publishing connection comes back on its own schedule (Redis retries every ≤ 2 s).
      const deadline = Date.now() + 10_000;
      while (!ok && Date.now() < deadline) {
        ok = await a.publish(log(tenant, 7));
        if (!ok) await sleep(200);
      }
      expect(ok).toBe(true);
      await until("A's message on B after the outage", () => bInbox.has(tenant, 7));
      const recovered = info.mock.calls.map((c) => String(c[1]));
      expect(recovered.filter((m) => m === "realtime bus listen side available again")).toHaveLength(1);
      expect(recovered.filter((m) => m === "realtime bus publish side available again")).toHaveLength(1);
      expect(aReconnects.count).toBe(2);
    });

    it("a server that accepts but never answers: publish still answers false within 2 s; recovery follows", async () => {
      const proxy: TcpProxy = await startTcpProxy(targetOf(url));
      proxies.push(proxy);
      const { a, b, aInbox, aReconnects } = await twoInstances({ aUrl: withPort(url, proxy.port), a: { connectTimeoutMs: 1_000 } });
      const tenant = `tenant-${randomUUID()}`;
      await proxy.stall();
      await sleep(100);
      for (let seq = 1; seq <= 2; seq++) {
        const { ok, ms } = await timedPublish(a, log(tenant, seq));
        expect(ok).toBe(false);
        expect(ms).toBeLessThan(2_000);
      }
      await proxy.restore();
      await until("A listening again", () => aReconnects.count === 2, 15_000);
      await b.publish(log(tenant, 3));
      await until("B's message on A", () => aInbox.has(tenant, 3));
    });

    it("a connection gone silent (no close, no error) is found by the heartbeat and replaced; onReconnect fires", async () => {
      const proxy = await startSilenceableProxy(targetOf(url));
      proxies.push(proxy);
      const { a, b, aInbox, bInbox, aReconnects } = await twoInstances({
        aUrl: withPort(url, proxy.port),
        a: { connectTimeoutMs: 1_000, heartbeatMs: 200, heartbeatTimeoutMs: 500 },
      });
      const tenant = `tenant-${randomUUID()}`;
      expect(await a.publish(log(tenant, 1))).toBe(true);
      await until("the message before", () => bInbox.has(tenant, 1));

      proxy.silence();
      const { ok, ms } = await timedPublish(a, log(tenant, 2));
      expect(ok).toBe(false);
      expect(ms).toBeLessThan(2_000);
      // Lost for A while silent: only a reconnection tells A to re-read.
      await b.publish(log(tenant, 3));
      await sleep(1_000);
      proxy.speak();
      await until("A listening on a new connection", () => aReconnects.count === 2, 15_000);
      expect(aInbox.has(tenant, 3)).toBe(false);
      await b.publish(log(tenant, 4));
      await until("B's message on A", () => aInbox.has(tenant, 4));
    });
  });
}
