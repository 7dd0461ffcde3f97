// Identity verification: the host site's server signs who its signed-in user is with the widget's
// secret, so the chat attaches to that customer. Without a valid, recent signature a visitor is
// anonymous whatever name or e-mail they type: nobody can read a known customer's history by
// claiming their address. The signed text covers every field (none can be swapped) and a time
// (an old signature, copied from a page, stops working after IDENTITY_MAX_AGE_SECONDS).
import { createHmac, timingSafeEqual } from "node:crypto";
import { IDENTITY_MAX_AGE_SECONDS, type WidgetIdentity } from "@/lib/validations/chat-widget";

/** What the host signs: each field on its own line, absent ones empty. */
export function identityPayload(identity: Pick<WidgetIdentity, "userId" | "email" | "name" | "issuedAt">): string {
  return [identity.userId, identity.email ?? "", identity.name ?? "", String(identity.issuedAt)].join("\n");
}

/** The signature a host computes (exported for tests and for the settings page's example). */
export function signIdentity(secret: string, identity: Pick<WidgetIdentity, "userId" | "email" | "name" | "issuedAt">): string {
  return createHmac("sha256", secret).update(identityPayload(identity)).digest("hex");
}

export type IdentityCheck = { ok: true } | { ok: false; reason: "NO_SECRET" | "BAD_SIGNATURE" | "EXPIRED" | "NOT_YET_VALID" };

/** Clock skew between the host's server and ours that is tolerated for `issuedAt` in the future. */
const FUTURE_SKEW_SECONDS = 60;

export function verifyIdentity(secret: string | null, identity: WidgetIdentity, nowMs = Date.now()): IdentityCheck {
  if (!secret) return { ok: false, reason: "NO_SECRET" };
  const expected = Buffer.from(signIdentity(secret, identity), "hex");
  const given = Buffer.from(identity.signature.toLowerCase(), "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "BAD_SIGNATURE" };
  const now = Math.floor(nowMs / 1000);
  if (identity.issuedAt > now + FUTURE_SKEW_SECONDS) return { ok: false, reason: "NOT_YET_VALID" };
  if (now - identity.issuedAt > IDENTITY_MAX_AGE_SECONDS) return { ok: false, reason: "EXPIRED" };
  return { ok: true };
}
