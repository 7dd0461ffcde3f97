// The audit chain's key ring: `kid:base64(32 bytes)` pairs from AUDIT_HMAC_KEYS, never stored in
// the database (that is the point: whoever can rewrite rows must not be able to re-sign them).
// The first key signs new events and checkpoints; every key verifies, so a new key can be put
// first while events signed under the old one still verify. Each use gets its own HKDF subkey,
// so an event mac can never pass for a checkpoint signature or the other way round.
import { hkdfSync } from "node:crypto";
import { env } from "@/env";
import { parseKeyRing, type EncryptionKey, type KeyRing } from "@/server/crypto/key-ring";

export type AuditKey = EncryptionKey;
export type AuditKeyPurpose = "event" | "checkpoint";

export function parseAuditKeyRing(spec: string): KeyRing {
  return parseKeyRing(spec, "AUDIT_HMAC_KEYS");
}

let ring: KeyRing | undefined;

/** The process's audit key ring, parsed once from the validated env. */
export function auditKeyRing(): KeyRing {
  ring ??= parseAuditKeyRing(env.AUDIT_HMAC_KEYS);
  return ring;
}

/** Replaces the ring (tests of key rotation); `undefined` goes back to AUDIT_HMAC_KEYS. */
export function setAuditKeyRing(next: KeyRing | undefined): void {
  ring = next;
}

const subkeys = new WeakMap<AuditKey, Map<AuditKeyPurpose, Buffer>>();

export function auditSubkey(key: AuditKey, purpose: AuditKeyPurpose): Buffer {
  let perKey = subkeys.get(key);
  if (!perKey) subkeys.set(key, (perKey = new Map()));
  let subkey = perKey.get(purpose);
  if (!subkey) {
    subkey = Buffer.from(hkdfSync("sha256", key.material, Buffer.from("caseboard-audit"), Buffer.from(purpose), 32));
    perKey.set(purpose, subkey);
  }
  return subkey;
}
