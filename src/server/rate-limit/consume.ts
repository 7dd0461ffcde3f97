import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/server/errors/app-error";
import { logger } from "@/server/logger";

/** Takes one point for `key`; throws TOO_MANY_REQUESTS (with retryAfterSeconds) when none is left. */
export async function consumeOrThrow(limiter: RateLimiterAbstract, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError("TOO_MANY_REQUESTS", `Too many ${what}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
    // The store itself failed and its insurance too: let the request through rather than fail it.
    logger.error({ err: error }, "rate limiter unavailable");
  }
}

/** Seconds until `key` may try again, or 0 when it is not blocked. */
export async function blockedFor(limiter: RateLimiterAbstract, key: string): Promise<number> {
  const res = await limiter.get(key).catch(() => null);
  if (!res || res.remainingPoints > 0) return 0;
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
