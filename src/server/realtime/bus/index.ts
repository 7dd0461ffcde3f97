// The process's realtime bus, chosen by configuration: Redis when REDIS_URL is set, else
// PostgreSQL LISTEN/NOTIFY when DATABASE_URL is set (instances share the database), else the
// in-process bus (the embedded database serves one process). Kept on globalThis so Next's
// separate module graphs and hot reloads share one bus and one listening connection.
import "server-only";
import { env } from "@/env";
import { openedDatabaseUrl } from "@/server/db/database";
import { getRedis } from "@/server/redis";
import { createMemoryBus } from "./memory-bus";
import { createPostgresBus } from "./postgres-bus";
import { createRedisBus } from "./redis-bus";
import type { EventBus } from "./types";

export type { BusKind, BusMessage, EventBus } from "./types";
export { MAX_MESSAGE_BYTES } from "./types";
export { createMemoryBus } from "./memory-bus";
export { createPostgresBus, DEFAULT_POSTGRES_CHANNEL, type PostgresBusOptions } from "./postgres-bus";
export { createRedisBus, DEFAULT_REDIS_CHANNEL, type RedisBusOptions } from "./redis-bus";

const globalForBus = globalThis as unknown as { caseboardBus?: EventBus };

export function getBus(): EventBus {
  if (!globalForBus.caseboardBus) {
    if (env.REDIS_URL) globalForBus.caseboardBus = createRedisBus(env.REDIS_URL, { publisher: getRedis });
    else {
      // NOTIFY reaches the listeners of one database: the one this process opened (tests and the
      // benchmarks open their own), else DATABASE_URL's. An embedded database means one process.
      const opened = openedDatabaseUrl();
      const url = opened === undefined ? env.DATABASE_URL : opened;
      globalForBus.caseboardBus = url ? createPostgresBus(url) : createMemoryBus();
    }
  }
  return globalForBus.caseboardBus;
}

/**
 * Closes the process's bus, if one was opened (graceful shutdown, scripts); the next getBus()
 * opens a fresh one. The shared Redis client it publishes with is closed by closeRedis(), not here.
 */
export async function closeBus(): Promise<void> {
  const bus = globalForBus.caseboardBus;
  if (!bus) return;
  globalForBus.caseboardBus = undefined;
  await bus.close();
}
