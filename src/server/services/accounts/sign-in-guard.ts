// Brute-force protection for sign-in: failures count per account and per IP; past the limit the
// account (or IP) is locked for a while, and a locked account is refused before its password is
// even checked, so guessing gains nothing. Before the lockout, each failure after the first
// answers later than the one before (a tarpit), so even the allowed guesses come slowly. A success
// clears the account's count.
import { setTimeout as sleep } from "node:timers/promises";
import { env } from "@/env";
import { blockedFor } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { logger } from "@/server/logger";
import { addressLimitKey } from "@/server/rate-limit/address-key";

export class SignInLocked extends Error {
  override readonly name = "SignInLocked";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`);
  }
}

const MAX_DELAY_MS = 8000;

/** How long to hold the answer to an account's n-th failed sign-in in a row: 0, base, 2×base, 4×base… */
export function progressiveDelayMs(failures: number, baseMs: number): number {
  if (failures <= 1 || baseMs <= 0) return 0;
  return Math.min(baseMs * 2 ** (failures - 2), MAX_DELAY_MS);
}

export async function guardedSignIn<T>(
  email: string,
  ip: string,
  verify: () => Promise<T | null>,
  delayBaseMs: number = env.SIGN_IN_DELAY_MS,
): Promise<T | null> {
  const { signInAccount, signInIp } = limiters();
  const accountKey = email.toLowerCase();
  const addressKey = addressLimitKey(ip);
  const locked = Math.max(await blockedFor(signInAccount, accountKey), await blockedFor(signInIp, addressKey));
  if (locked > 0) {
    logger.warn({ ip, locked }, "sign-in refused: locked");
    throw new SignInLocked(locked);
  }
  const user = await verify();
  if (user) {
    await signInAccount.delete(accountKey).catch(() => false);
    return user;
  }
  // Count the failure on both keys; a limiter saying "no points left" is the lockout starting.
  const [account] = await Promise.allSettled([signInAccount.consume(accountKey), signInIp.consume(addressKey)]);
  // Fulfilled below the limit, rejected (with the limiter's answer) once it is reached.
  const failures = (account.status === "fulfilled" ? account.value : (account.reason as { consumedPoints?: number }))?.consumedPoints ?? 0;
  const delayMs = progressiveDelayMs(failures, delayBaseMs);
  logger.info({ ip, failures, delayMs }, "sign-in failed");
  if (delayMs > 0) await sleep(delayMs);
  return null;
}
