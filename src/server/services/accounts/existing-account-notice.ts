// Sign-up answers the same whether or not the address has an account. When it has one, its owner
// hears about the attempt by mail instead, with the ways back in (sign in, reset the password).
import { logger } from "@/server/logger";
import { escapeHtml, sendMail } from "@/server/mail";
import { limiters } from "@/server/rate-limit/limiters";
import { resetBaseUrl } from "./password-reset";
import { mayMailReset } from "./public-limits";

/**
 * Mails the owner of `email` that someone tried to create an account with it. Callers do not
 * await it (the answer must not wait for, and so time, the mail); it settles with whether the
 * mail was handed over, and never rejects. It shares the per-address budget of reset mail under
 * its own key, so the form cannot flood a mailbox.
 */
export function mailExistingAccountNotice(email: string, opts: { origin?: string } = {}): Promise<boolean> {
  return (async () => {
    if (!(await mayMailReset(limiters().resetEmail, `notice:${email}`))) {
      logger.warn("existing-account notice limit reached for an account");
      return false;
    }
    // Links only from a trusted origin (see resetBaseUrl): otherwise the mail just names the pages.
    const base = resetBaseUrl(opts.origin);
    const signIn = base ? `${base}/sign-in` : "the Caseboard sign-in page";
    const reset = base ? `${base}/forgot-password` : "“Forgot password?” on that page";
    const intro = `Someone tried to create a Caseboard account with this address (${email}). It already has an account, so nothing was changed.`;
    const result = await sendMail({
      to: email,
      subject: "Someone tried to sign up with your Caseboard address",
      text: `${intro}\n\nIf it was you, sign in: ${signIn}\nForgot your password? Choose a new one: ${reset}\n\nIf it was not you, you can ignore this message; your account is unchanged.`,
      html:
        `<p>${escapeHtml(intro)}</p>` +
        (base
          ? `<p>If it was you, <a href="${escapeHtml(signIn)}">sign in</a>. Forgot your password? <a href="${escapeHtml(reset)}">Choose a new one</a>.</p>`
          : `<p>If it was you, sign in on ${escapeHtml(signIn)}; forgot your password? Use ${escapeHtml(reset)}.</p>`) +
        `<p>If it was not you, you can ignore this message; your account is unchanged.</p>`,
    });
    return result.delivered;
  })().catch((error: unknown) => {
    logger.error({ err: error }, "existing-account notice failed");
    return false;
  });
}
