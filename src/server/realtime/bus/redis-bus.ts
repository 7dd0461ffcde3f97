// The bus over Redis pub/sub, when REDIS_URL is set.
//
// Listening: a connection of its own (one in subscriber mode cannot publish), opened on the first
// subscribe. ioredis reconnects it in the background (100 ms doubling to 5 s); on every 'ready'
// the bus subscribes itself and fires onReconnect once Redis has confirmed the subscription, so
// a consumer that re-reads the log then cannot miss a message published in between (ioredis's
// own autoResubscribe sends SUBSCRIBE without telling when it took effect). A PING heartbeat finds
// a connection gone silent, which no socket event would report, and replaces it.
// Publishing: the shared fail-fast client (getRedis(), passed in by getBus()) or, for an explicit
// URL, a client of the bus's own with the same options (redisOptions()): during an outage publish
// answers false at once (no offline queue), or within the deadline while a connection is being made.
// Redis pub/sub ignores the database number: buses on one Redis hear each other per channel.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { logger } from "@/server/logger";
import { redisOptions } from "@/server/redis";
import { backoff, decodeMessage, encodeMessage, ListenerSet, outageLog, trackPublish, withDeadline, type BusMessage, type EventBus } from "./types";

export interface RedisBusOptions {
  channel?: string;
  /**
   * A client to publish with (not closed by the bus), or how to get it at each publish (the
   * process's shared client, which closeRedis() may replace); by default the bus opens its own on `url`.
   */
  publisher?: Redis | (() => Redis);
  connectTimeoutMs?: number;
  /** The most a publish may take, including waiting for a connection still being made. */
  publishTimeoutMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** How often the subscriber connection is checked with PING, and how long the check may take. */
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
}

export const DEFAULT_REDIS_CHANNEL = "caseboard:realtime";

/** Waits (within the deadline) for a client that is making its connection; a client that is down fails at once. */
function whenReady(client: Redis, ms: number): Promise<void> {
  if (client.status === "ready") return Promise.resolve();
  if (client.status !== "connecting" && client.status !== "connect" && client.status !== "wait") {
    return Promise.reject(new Error(`redis connection is ${client.status}`));
  }
  return withDeadline(
    new Promise<void>((resolve, reject) => {
      const onReady = () => {
        client.off("close", onClose);
        resolve();
      };
      const onClose = () => {
        client.off("ready", onReady);
        reject(new Error("redis connection closed"));
      };
      client.once("ready", onReady);
      client.once("close", onClose);
    }),
    ms,
    "redis connection",
  );
}

/** Ends a client, waiting (briefly) until its socket is gone. */
async function endClient(client: Redis, graceful: boolean): Promise<void> {
  if (client.status === "end") return;
  // Between two attempts there is no socket: disconnect() only cancels the next attempt, and no 'end' follows.
  if (client.status === "reconnecting") return client.disconnect();
  const ended = new Promise<void>((resolve) => client.once("end", () => resolve()));
  if (graceful && client.status === "ready") await client.quit().catch(() => client.disconnect());
  else client.disconnect();
  await withDeadline(ended, 1_000, "closing a redis connection").catch(() => {});
}

export function createRedisBus(url: string, options: RedisBusOptions = {}): EventBus {
  const channel = options.channel ?? DEFAULT_REDIS_CHANNEL;
  const connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
  const publishTimeoutMs = options.publishTimeoutMs ?? 1_000;
  const reconnectMinMs = options.reconnectMinMs ?? 100;
  const reconnectMaxMs = options.reconnectMaxMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 5_000;

  const messages = new ListenerSet<[BusMessage]>("redis", "message");
  const reconnects = new ListenerSet<[]>("redis", "reconnect");
  const publishHealth = outageLog("redis", "publish");
  const listenHealth = outageLog("redis", "listen");
  const inFlight = new Set<Promise<unknown>>();
  let ownPublisher: Redis | undefined;
  let subscriber: Redis | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let closed = false;

  function publisher(): Redis {
    if (options.publisher) return typeof options.publisher === "function" ? options.publisher() : options.publisher;
    if (!ownPublisher) {
      ownPublisher = new Redis(url, redisOptions());
      // Its connection errors belong to this bus's publish side (logged once per outage, like a failed publish).
      ownPublisher.on("error", (error: Error) => publishHealth.failed(error));
    }
    return ownPublisher;
  }

  async function send(payload: string): Promise<void> {
    const client = publisher();
    await whenReady(client, publishTimeoutMs);
    // commandTimeout (500 ms) bounds this already; the deadline is for a client built with other options.
    await withDeadline(client.publish(channel, payload), publishTimeoutMs, "publish");
  }

  function startListening() {
    const sub = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: connectTimeoutMs,
      commandTimeout: heartbeatTimeoutMs,
      // Subscribed by hand on each 'ready', below.
      autoResubscribe: false,
      retryStrategy: (attempt: number) => backoff(attempt, reconnectMinMs, reconnectMaxMs),
      connectionName: "caseboard-realtime-bus",
    });
    subscriber = sub;
    let listening = false;
    // Without an 'error' listener ioredis prints every failed attempt; the outage is logged once instead.
    sub.on("error", (error: Error) => listenHealth.failed(error));
    sub.on("close", () => {
      if (!listening) return;
      listening = false;
      listenHealth.failed(new Error("subscriber connection closed"));
    });
    sub.on("ready", () => {
      sub.subscribe(channel).then(
        () => {
          if (closed || sub.status !== "ready") return;
          listening = true;
          listenHealth.recovered();
          reconnects.emit();
        },
        (error: unknown) => {
          if (closed) return;
          listenHealth.failed(error);
          // Start over on a fresh connection (ioredis reconnects with its backoff).
          if (sub.status === "ready") sub.disconnect(true);
        },
      );
    });
    sub.on("message", (from: string, payload: string) => {
      if (closed || from !== channel) return;
      const message = decodeMessage(payload, "redis");
      if (message) messages.emit(message);
    });
    let checking = false;
    heartbeat = setInterval(() => {
      if (!listening || checking) return;
      checking = true;
      sub
        .ping()
        .catch(() => {
          // A connection gone silent: ending it gracefully would wait for an answer that never
          // comes, so the socket is destroyed and ioredis reconnects.
          if (!closed) sub.stream?.destroy();
        })
        .finally(() => {
          checking = false;
        });
    }, heartbeatMs);
    heartbeat.unref();
  }

  return {
    kind: "redis",
    instanceId: randomUUID(),
    async publish(message) {
      if (closed) return false;
      const payload = encodeMessage(message, "redis");
      if (payload === null) return false;
      return trackPublish(() => send(payload), publishHealth, inFlight);
    },
    subscribe(listener) {
      if (closed) return () => {};
      const unsubscribe = messages.add(listener);
      if (!subscriber) startListening();
      return unsubscribe;
    },
    onReconnect(listener) {
      if (closed) return () => {};
      return reconnects.add(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      messages.clear();
      reconnects.clear();
      clearInterval(heartbeat);
      await Promise.allSettled([...inFlight]);
      await Promise.all([subscriber && endClient(subscriber, false), ownPublisher && endClient(ownPublisher, true)]);
      logger.debug({ bus: "redis" }, "realtime bus closed");
    },
  };
}
