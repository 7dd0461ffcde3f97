// Keyed hashes ("blind indexes") that let the database find an exact value it only holds
// encrypted. The HMAC key is derived from a ring key with HKDF (never the encryption key itself),
// and the tenant id is hashed in, so the same email in two tenants gives unrelated values.
import { createHmac, hkdfSync } from "node:crypto";
import { appKeyRing, type EncryptionKey, type KeyRing } from "./key-ring";

const derived = new WeakMap<EncryptionKey, Map<string, Buffer>>();

function indexKey(key: EncryptionKey, purpose: string): Buffer {
  let perKey = derived.get(key);
  // Stryker disable next-line ConditionalExpression: a cache; always starting a fresh map only re-derives the same key
  if (!perKey) derived.set(key, (perKey = new Map()));
  let k = perKey.get(purpose);
  // Stryker disable next-line ConditionalExpression: a cache; always deriving again gives the same key
  if (!k) {
    k = Buffer.from(hkdfSync("sha256", key.material, Buffer.from("caseboard-blind-index"), Buffer.from(purpose), 32));
    perKey.set(purpose, k);
  }
  return k;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function hmac(key: EncryptionKey, purpose: string, tenantId: string, value: string): string {
  return createHmac("sha256", indexKey(key, purpose)).update(`${tenantId}\u0000${value}`).digest("base64url");
}

/** The index written with a value: under the primary key. */
export function emailBlindIndex(tenantId: string, email: string, ring: KeyRing = appKeyRing()): string {
  return hmac(ring.primary, "email", tenantId, normaliseEmail(email));
}

/**
 * Every index the value may be stored under: one per ring key. Rows written before a key
 * rotation keep the old key's index until the rotation job rewrites them, and must still be found.
 */
export function emailBlindIndexCandidates(tenantId: string, email: string, ring: KeyRing = appKeyRing()): string[] {
  const value = normaliseEmail(email);
  return ring.keys.map((key) => hmac(key, "email", tenantId, value));
}

/** A keyed digest for another purpose than e-mail lookups (signed links): under the primary key. */
export function keyedDigest(purpose: string, tenantId: string, value: string, ring: KeyRing = appKeyRing()): string {
  return hmac(ring.primary, purpose, tenantId, value);
}

/** Every digest a value may carry, one per ring key, so a rotation does not break links in flight. */
export function keyedDigestCandidates(purpose: string, tenantId: string, value: string, ring: KeyRing = appKeyRing()): string[] {
  return ring.keys.map((key) => hmac(key, purpose, tenantId, value));
}
