// Password reset by mailed link. Asking always answers the same, whether or not the address has an
// account, and the mail goes out after the answer, so neither the reply nor its timing tells.
// A token is 32 random bytes, valid one hour, used once; only its SHA-256 is stored.
import { env } from "@/env";
import { configuredPublicUrl, publicBaseUrl } from "@/server/http/public-url";
import { hashPassword } from "@/server/auth/password";
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";
import { AppError } from "@/server/errors/app-error";
import { logger } from "@/server/logger";
import { escapeHtml, sendMail } from "@/server/mail";
import { limiters } from "@/server/rate-limit/limiters";
import { generateToken, hashToken, isWellFormedToken } from "@/server/services/invitations/tokens";
import { auditInEveryTenant } from "./account-audit";
import { mayMailReset } from "./public-limits";
import { invalidateAuth } from "@/server/auth/auth-cache";

export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * The link's origin. A reset is asked for by someone not signed in, so in a deployment the link
 * must come from NEXTAUTH_URL: built from the request's Host, an attacker could have the victim's
 * token mailed pointing at their own site.
 */
export function resetBaseUrl(requestOrigin?: string): string | null {
  if (configuredPublicUrl()) return publicBaseUrl();
  if (env.APP_ENV === "staging" || env.APP_ENV === "production") return null;
  return publicBaseUrl(requestOrigin);
}

export async function createPasswordResetToken(db: PrivilegedDb, userId: string, now = new Date()): Promise<string> {
  const { token, tokenHash } = generateToken();
  await db.passwordResetToken.create({ data: { userId, tokenHash, expiresAt: new Date(now.getTime() + RESET_TTL_MS) } });
  return token;
}

export interface ResetRequestOutcome {
  /** Settles when the mail (if any) was handed over; the procedure does not wait for it. */
  mailed: Promise<boolean>;
}

export async function requestPasswordReset(email: string, opts: { origin?: string; now?: Date } = {}): Promise<ResetRequestOutcome> {
  const address = email.trim().toLowerCase();
  const base = resetBaseUrl(opts.origin);
  const token = await withPrivilegedDb("request password reset", async (db) => {
    const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
    if (!user) return null;
    if (!base) {
      logger.error("password reset requested but NEXTAUTH_URL is not set: no link can be mailed");
      return null;
    }
    if (!(await mayMailReset(limiters().resetEmail, address))) {
      logger.warn("password reset mail limit reached for an account");
      return null;
    }
    return createPasswordResetToken(db, user.id, opts.now);
  });
  if (!token) return { mailed: Promise.resolve(false) };
  const url = `${base}/reset-password/${token}`;
  const mailed = sendMail({
    to: address,
    subject: "Reset your Caseboard password",
    text: `Someone (hopefully you) asked to reset the password of your Caseboard account.\n\nChoose a new password: ${url}\n\nThe link works once, for one hour. If you did not ask, ignore this message.`,
    html: `<p>Someone (hopefully you) asked to reset the password of your Caseboard account.</p><p><a href="${escapeHtml(url)}">Choose a new password</a></p><p>The link works once, for one hour. If you did not ask, ignore this message.</p>`,
  }).then(
    (r) => r.delivered,
    (error: unknown) => {
      logger.error({ err: error }, "password reset mail failed");
      return false;
    },
  );
  return { mailed };
}

/**
 * Sets the new password, spends the token and every other open token of the user, and bumps the
 * session epoch so every session signed in before this moment is refused on its next request.
 */
export async function resetPassword(input: { token: string; password: string }, now = new Date()): Promise<{ email: string }> {
  const invalid = () => new AppError("BAD_REQUEST", "This reset link is not valid or has expired. Ask for a new one.", { reason: "RESET_TOKEN_INVALID" });
  if (!isWellFormedToken(input.token)) throw invalid();
  const passwordHash = await hashPassword(input.password);
  const email = await withPrivilegedDb("reset password", async (db) => {
    const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { id: true, userId: true } });
    if (!row) throw invalid();
    // Conditional update: the token is spent exactly once even if two resets race.
    const claimed = await db.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw invalid();
    await db.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    const user = await db.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionEpoch: { increment: 1 } },
      select: { id: true, email: true },
    });
    invalidateAuth({ userId: user.id });
    await auditInEveryTenant(db, user.id, "account.password_reset");
    return user.email;
  });
  // Whoever holds the mailbox proved it: a lockout from someone guessing should not keep them out.
  await limiters().signInAccount.delete(email).catch(() => false);
  return { email };
}
