// The Redis connection, when REDIS_URL is set (rate limits, live updates). Lazy and shared.
import { Redis } from "ioredis";
import { env } from "@/env";

const globalForRedis = globalThis as unknown as { caseboardRedis?: Redis };

export function getRedis(): Redis {
  if (!env.REDIS_URL) throw new Error("REDIS_URL is not set");
  globalForRedis.caseboardRedis ??= new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
  return globalForRedis.caseboardRedis;
}
