// The bus over PostgreSQL LISTEN/NOTIFY, for instances that share one database and no Redis.
//
// Listening: one dedicated pg.Client, opened on the first subscribe. When it drops (error, end, or
// a heartbeat query that does not answer: a silent network never closes the socket), it is thrown
// away and a new one is opened after a backoff (100 ms doubling to 5 s); each successful LISTEN
// fires onReconnect, since whatever was published in between is lost.
// Publishing: `SELECT pg_notify(...)` on a small pool of its own (max 2), never the app's Prisma
// pool, within a deadline: during an outage publish answers false in about a second, not after
// the TCP timeout. The connection must be a session (not PgBouncer's transaction mode) for LISTEN.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { logger } from "@/server/logger";
import { backoff, decodeMessage, encodeMessage, ListenerSet, outageLog, trackPublish, withDeadline, type BusMessage, type EventBus } from "./types";

export interface PostgresBusOptions {
  /** The NOTIFY channel: instances on the same database and channel hear each other. */
  channel?: string;
  /** How long a new connection (listening or publishing) may take. */
  connectTimeoutMs?: number;
  /** The most a publish may take, connection included. */
  publishTimeoutMs?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** How often the listening connection is checked with `SELECT 1`, and how long the check may take. */
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
}

export const DEFAULT_POSTGRES_CHANNEL = "caseboard_realtime";
const APPLICATION_NAME = "caseboard-realtime-bus";

export function createPostgresBus(url: string, options: PostgresBusOptions = {}): EventBus {
  const channel = options.channel ?? DEFAULT_POSTGRES_CHANNEL;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid NOTIFY channel name: ${channel}`);
  const connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
  const publishTimeoutMs = options.publishTimeoutMs ?? 1_500;
  const reconnectMinMs = options.reconnectMinMs ?? 100;
  const reconnectMaxMs = options.reconnectMaxMs ?? 5_000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 5_000;

  const messages = new ListenerSet<[BusMessage]>("postgres", "message");
  const reconnects = new ListenerSet<[]>("postgres", "reconnect");
  const publishHealth = outageLog("postgres", "publish");
  const listenHealth = outageLog("postgres", "listen");
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  let started = false;
  let pool: pg.Pool | undefined;
  /** The listening client, from the moment it is created (connecting) until it drops. */
  let current: pg.Client | undefined;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  /** Checks the listening client; one at a time, like the client. */
  let heartbeat: NodeJS.Timeout | undefined;

  function publishPool(): pg.Pool {
    if (pool) return pool;
    pool = new pg.Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: Math.min(connectTimeoutMs, publishTimeoutMs),
      idleTimeoutMillis: 30_000,
      // Idle publishing connections never keep a process alive on their own.
      allowExitOnIdle: true,
      keepAlive: true,
      application_name: APPLICATION_NAME,
    });
    // An idle connection that breaks emits here; unhandled, it would end the process. The pool
    // replaces it on the next publish, whose own failure is what gets logged.
    pool.on("error", () => {});
    return pool;
  }

  /** Sends one NOTIFY within the deadline; a connection that did not answer in time is destroyed, not reused. */
  async function notify(payload: string): Promise<void> {
    const p = publishPool();
    let client: pg.PoolClient | undefined;
    let released = false;
    let expired = false;
    const release = (error?: Error) => {
      if (released || !client) return;
      released = true;
      client.release(error);
    };
    const work = (async () => {
      client = await p.connect();
      if (expired) return release();
      try {
        await client.query("SELECT pg_notify($1, $2)", [channel, payload]);
        release();
      } catch (error) {
        release(error instanceof Error ? error : new Error(String(error)));
        throw error;
      }
    })();
    // Whatever happens after the deadline is cleaned up here, not reported.
    work.catch(() => {});
    try {
      await withDeadline(work, publishTimeoutMs, "publish");
    } catch (error) {
      expired = true;
      release(error as Error);
      throw error;
    }
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void listen();
    }, backoff(attempt, reconnectMinMs, reconnectMaxMs));
    retryTimer.unref();
  }

  async function listen(): Promise<void> {
    if (closed) return;
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: connectTimeoutMs,
      keepAlive: true,
      application_name: APPLICATION_NAME,
    });
    current = client;
    let dropped = false;
    const drop = (error: unknown) => {
      if (dropped) return;
      dropped = true;
      clearInterval(heartbeat);
      if (current === client) current = undefined;
      // With a query still waiting (a heartbeat on a silent connection), end() destroys the socket.
      client.end().catch(() => {});
      if (closed) return;
      listenHealth.failed(error);
      scheduleReconnect();
    };
    // The handlers stay attached after a drop: a late 'error' on a pg.Client with none would end the process.
    client.on("error", drop);
    client.on("end", () => drop(new Error("listening connection ended")));
    client.on("notification", (notification) => {
      if (closed || dropped || notification.channel !== channel) return;
      const message = decodeMessage(notification.payload, "postgres");
      if (message) messages.emit(message);
    });
    try {
      await client.connect();
      await withDeadline(client.query(`LISTEN ${client.escapeIdentifier(channel)}`), connectTimeoutMs, "LISTEN");
    } catch (error) {
      drop(error);
      return;
    }
    if (closed || dropped) {
      // Closed while connecting: this connection must not outlive the bus.
      drop(new Error("bus closed"));
      return;
    }
    attempt = 0;
    listenHealth.recovered();
    let checking = false;
    heartbeat = setInterval(() => {
      if (checking || dropped) return;
      checking = true;
      withDeadline(client.query("SELECT 1"), heartbeatTimeoutMs, "listening connection check")
        .catch(drop)
        .finally(() => {
          checking = false;
        });
    }, heartbeatMs);
    heartbeat.unref();
    reconnects.emit();
  }

  return {
    kind: "postgres",
    instanceId: randomUUID(),
    async publish(message) {
      if (closed) return false;
      const payload = encodeMessage(message, "postgres");
      if (payload === null) return false;
      return trackPublish(() => notify(payload), publishHealth, inFlight);
    },
    subscribe(listener) {
      if (closed) return () => {};
      const unsubscribe = messages.add(listener);
      if (!started) {
        started = true;
        void listen();
      }
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
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      const client = current;
      current = undefined;
      const ending: Promise<unknown>[] = [];
      // end() waits for the server's goodbye; a dead server does not give one, so the wait is bounded.
      if (client) ending.push(withDeadline(client.end(), connectTimeoutMs, "closing the listening connection").catch(() => {}));
      await Promise.allSettled([...inFlight]);
      if (pool) ending.push(withDeadline(pool.end(), connectTimeoutMs, "closing the publishing pool").catch(() => {}));
      await Promise.all(ending);
      logger.debug({ bus: "postgres" }, "realtime bus closed");
    },
  };
}
