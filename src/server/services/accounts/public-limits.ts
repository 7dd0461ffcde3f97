// The public account routes' limits (defined with the others in src/server/rate-limit/limiters.ts),
// on top of the per-IP limit every tRPC call has.
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { consumeOrThrow } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { addressLimitKey } from "@/server/rate-limit/address-key";

export function limitTokenUse(ip: string | undefined): Promise<void> {
  return consumeOrThrow(limiters().tokenIp, addressLimitKey(ip), "attempts");
}

/** True while this address may get another reset mail; never throws, so the answer stays the same. */
export async function mayMailReset(limiter: RateLimiterAbstract, email: string): Promise<boolean> {
  try {
    await limiter.consume(email);
    return true;
  } catch {
    return false;
  }
}
