// The Redis connection, when REDIS_URL is set (rate limits, live updates). Lazy and shared.
// Redis is optional: every user has an in-memory fallback, so when Redis is down a command must
// fail at once (no offline queue, no per-command retries, short timeouts) instead of waiting for
// reconnects; ioredis keeps reconnecting in the background. Its errors are logged through the
// logger, once per outage (an ioredis client without an 'error' listener prints every one raw).
import { Redis } from "ioredis";
import { env } from "@/env";
import { logger } from "@/server/logger";

const globalForRedis = globalThis as unknown as { caseboardRedis?: Redis };

/** Options of the shared client; exported for tests that point a client at a proxy they can cut. */
export function redisOptions() {
  return {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 500,
    // Reconnect in the background: quickly at first, then every 2 s while Redis stays away.
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 2_000),
  };
}

/** Logs the first error of an outage and the recovery; the reconnect attempts in between stay quiet. */
export function watchRedis(client: Redis, name = "redis"): Redis {
  let failing = false;
  client.on("error", (error: Error & { code?: string }) => {
    if (failing) return;
    failing = true;
    logger.warn({ err: { message: error.message, code: error.code }, client: name }, "redis unavailable; using in-memory fallbacks");
  });
  client.on("ready", () => {
    if (!failing) return;
    failing = false;
    logger.info({ client: name }, "redis available again");
  });
  return client;
}

export function getRedis(): Redis {
  if (!env.REDIS_URL) throw new Error("REDIS_URL is not set");
  globalForRedis.caseboardRedis ??= watchRedis(new Redis(env.REDIS_URL, redisOptions()));
  return globalForRedis.caseboardRedis;
}

/** Pings Redis, first waiting (up to `ms`) for a client that is still connecting: without an offline queue it would refuse. */
export async function pingRedis(ms: number): Promise<string> {
  const client = getRedis();
  if (client.status === "connecting" || client.status === "connect" || client.status === "wait") {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis did not connect within ${ms} ms`)), ms);
      client.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return client.ping();
}

/** Closes the shared client, if one was opened, so a script or a shutting-down process can exit. */
export async function closeRedis(): Promise<void> {
  const client = globalForRedis.caseboardRedis;
  if (!client) return;
  globalForRedis.caseboardRedis = undefined;
  if (client.status === "end") return;
  // Waiting between reconnect attempts (Redis down), disconnect() ends the retries but emits no 'end'.
  if (client.status === "reconnecting") {
    client.disconnect();
    return;
  }
  const ended = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 1_000);
    timer.unref();
    client.once("end", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  // quit() lets pending commands finish; when Redis is down, disconnect() ends the socket and the retries.
  if (client.status === "ready") await client.quit().catch(() => client.disconnect());
  else client.disconnect();
  await ended;
}
