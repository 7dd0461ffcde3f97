// Limits for the public account routes, on top of the per-IP limit every tRPC call has:
// presenting tokens (invitation and reset links) and asking for reset mail. Tokens carry 256 bits,
// so guessing is hopeless anyway; these keep a script from hammering the database or from
// filling someone's inbox with reset mail.
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { consumeOrThrow } from "@/server/rate-limit/consume";
import { createLimiter } from "@/server/rate-limit/limiters";

function build() {
  return {
    /** Token presentations (preview, accept, sign-up through a link, reset) per IP. */
    tokenIp: createLimiter({ keyPrefix: "token-ip", points: 60, durationSeconds: 15 * 60 }),
    /** Reset requests per IP. */
    resetIp: createLimiter({ keyPrefix: "reset-ip", points: 20, durationSeconds: 60 * 60 }),
    /** Reset mails per account address: beyond this, requests still answer the same but send nothing. */
    resetEmail: createLimiter({ keyPrefix: "reset-email", points: 3, durationSeconds: 60 * 60 }),
  };
}

const globalForLimits = globalThis as unknown as { caseboardAccountLimits?: ReturnType<typeof build> };

export function accountLimits() {
  globalForLimits.caseboardAccountLimits ??= build();
  return globalForLimits.caseboardAccountLimits;
}

/** Tests swap in small limits; returns a function restoring the previous ones. */
export function overrideAccountLimits(partial: Partial<ReturnType<typeof build>>): () => void {
  const previous = accountLimits();
  globalForLimits.caseboardAccountLimits = { ...previous, ...partial };
  return () => {
    globalForLimits.caseboardAccountLimits = previous;
  };
}

export function limitTokenUse(ip: string | undefined): Promise<void> {
  return consumeOrThrow(accountLimits().tokenIp, ip ?? "unknown", "attempts");
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
