// Rate limiters shared by every instance through Redis when REDIS_URL is set; in memory otherwise
// (one instance, or development). If Redis fails, an in-memory limiter takes over instead of
// letting every request through or failing them all.
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/env";
import type { Redis } from "ioredis";
import { getRedis } from "@/server/redis";

interface LimiterOptions {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  blockDurationSeconds?: number;
}

/** `redis` is for tests (a client behind a proxy they cut); by default the shared client of REDIS_URL. */
export function createLimiter(options: LimiterOptions, redis?: Redis): RateLimiterAbstract {
  const base = {
    keyPrefix: `caseboard:${options.keyPrefix}`,
    points: options.points,
    duration: options.durationSeconds,
    blockDuration: options.blockDurationSeconds ?? 0,
  };
  const memory = new RateLimiterMemory(base);
  if (!redis && !env.REDIS_URL) return memory;
  // rejectIfRedisNotReady: while the client is not connected, the memory limiter answers at once
  // instead of each check waiting for a command to time out.
  return new RateLimiterRedis({ ...base, storeClient: redis ?? getRedis(), insuranceLimiter: memory, rejectIfRedisNotReady: true });
}

const globalForLimiters = globalThis as unknown as { caseboardLimiters?: ReturnType<typeof build> };

function build() {
  const perMinute = env.RATE_LIMIT_PER_MINUTE;
  return {
    /** tRPC calls, keyed by API key, user or IP. */
    api: createLimiter({ keyPrefix: "api", points: perMinute, durationSeconds: 60 }),
    /** Failed sign-ins of one account: lock it for 15 minutes after a few. */
    signInAccount: createLimiter({
      keyPrefix: "signin-account",
      points: env.SIGN_IN_MAX_FAILURES,
      durationSeconds: 15 * 60,
      blockDurationSeconds: 15 * 60,
    }),
    /** Failed sign-ins from one IP, across accounts (credential stuffing). */
    signInIp: createLimiter({
      keyPrefix: "signin-ip",
      points: env.SIGN_IN_MAX_FAILURES * 10,
      durationSeconds: 60 * 60,
      blockDurationSeconds: 60 * 60,
    }),
    // The public account routes (invitation and reset links, reset mail). Tokens carry 256 bits,
    // so guessing is hopeless anyway; these keep a script from hammering the database or from
    // filling someone's inbox with reset mail.
    /** Token presentations (preview, accept, sign-up through a link, reset) per IP. */
    tokenIp: createLimiter({ keyPrefix: "token-ip", points: 60, durationSeconds: 15 * 60 }),
    /** Reset requests per IP. */
    resetIp: createLimiter({ keyPrefix: "reset-ip", points: 20, durationSeconds: 60 * 60 }),
    /** Reset mails per account address: beyond this, requests still answer the same but send nothing. */
    resetEmail: createLimiter({ keyPrefix: "reset-email", points: 3, durationSeconds: 60 * 60 }),
    // The chat widget's public API: its own budgets, apart from members' (src/server/api/routers/widget).
    /** Every widget call per IP (many visitors may share one address: an office, a mobile carrier). */
    widgetIp: createLimiter({ keyPrefix: "widget-ip", points: 600, durationSeconds: 60 }),
    /** New visitors per IP: a script making sessions by the thousand is refused. */
    widgetSessionIp: createLimiter({ keyPrefix: "widget-session-ip", points: 30, durationSeconds: 10 * 60 }),
    /** Messages per visitor: a person types a few a minute. */
    widgetMessages: createLimiter({ keyPrefix: "widget-messages", points: 20, durationSeconds: 60 }),
    /** Messages per IP across visitors. */
    widgetMessagesIp: createLimiter({ keyPrefix: "widget-messages-ip", points: 120, durationSeconds: 60 }),
    /** Files per visitor, and per IP across visitors: uploads cost storage and image work. */
    widgetUploads: createLimiter({ keyPrefix: "widget-uploads", points: 20, durationSeconds: 10 * 60 }),
    widgetUploadsIp: createLimiter({ keyPrefix: "widget-uploads-ip", points: 100, durationSeconds: 10 * 60 }),
  };
}

export function limiters() {
  globalForLimiters.caseboardLimiters ??= build();
  return globalForLimiters.caseboardLimiters;
}

/** Replaces limiters (tests that need small limits); returns a function restoring the previous ones. */
export function overrideLimiters(partial: Partial<ReturnType<typeof build>>): () => void {
  const previous = limiters();
  globalForLimiters.caseboardLimiters = { ...previous, ...partial };
  return () => {
    globalForLimiters.caseboardLimiters = previous;
  };
}
