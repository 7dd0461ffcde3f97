// Invitation tokens: 32 random bytes, base64url, shown once in the link; only the SHA-256 is stored,
// so a leaked table cannot be turned into working links.
import { createHash, randomBytes } from "node:crypto";
import { absoluteUrl } from "@/server/http/public-url";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function generateToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** A token as it may appear in a URL: refuses anything that cannot be one of ours before any lookup. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** The deployment's public address wins (links in mail must not depend on a Host header); else the request's origin. */
export function invitationUrl(token: string, requestOrigin?: string): string {
  return absoluteUrl(`/invite/${token}`, requestOrigin);
}
