// Brute-force protection for sign-in: failures count per account and per IP; past the limit the
// account (or IP) is locked for a while, and a locked account is refused before its password is
// even checked, so guessing gains nothing. A success clears the account's count.
import { blockedFor } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { logger } from "@/server/logger";

export class SignInLocked extends Error {
  override readonly name = "SignInLocked";
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`);
  }
}

export async function guardedSignIn<T>(email: string, ip: string, verify: () => Promise<T | null>): Promise<T | null> {
  const { signInAccount, signInIp } = limiters();
  const accountKey = email.toLowerCase();
  const locked = Math.max(await blockedFor(signInAccount, accountKey), await blockedFor(signInIp, ip));
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
  await Promise.allSettled([signInAccount.consume(accountKey), signInIp.consume(ip)]);
  logger.info({ ip }, "sign-in failed");
  return null;
}
