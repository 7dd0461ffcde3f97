// Field encryption with AES-256-GCM. A ciphertext names the key that wrote it:
//   v1.<kid>.<iv base64url>.<tag base64url>.<ciphertext base64url>
// A context string (e.g. "<tenant id>:customer.email") is authenticated with it, so a
// ciphertext copied into another tenant's row or another column no longer decrypts.
// Every failure throws DecryptionError: a wrong key or a tampered value never yields garbage.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { appKeyRing, type KeyRing } from "./key-ring";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  override readonly name = "DecryptionError";
}

const b64 = (buf: Buffer) => buf.toString("base64url");

export function encrypt(plaintext: string, context: string, ring: KeyRing = appKeyRing()): string {
  const key = ring.primary;
  const iv = randomBytes(IV_BYTES);
  // Stryker disable next-line ObjectLiteral: 16 bytes is already AES-GCM's default tag length
  const cipher = createCipheriv("aes-256-gcm", key.material, iv, { authTagLength: TAG_BYTES });
  // Stryker disable next-line StringLiteral: Node treats an empty encoding name as utf8
  cipher.setAAD(Buffer.from(context, "utf8"));
  // Stryker disable next-line StringLiteral: Node treats an empty encoding name as utf8
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, key.id, b64(iv), b64(cipher.getAuthTag()), b64(body)].join(".");
}

interface ParsedCiphertext {
  kid: string;
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

function parse(ciphertext: string): ParsedCiphertext {
  const parts = ciphertext.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new DecryptionError("Cannot decrypt: not a v1 ciphertext");
  const [, kid, iv, tag, body] = parts as [string, string, string, string, string];
  const parsed = { kid, iv: Buffer.from(iv, "base64url"), tag: Buffer.from(tag, "base64url"), body: Buffer.from(body, "base64url") };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) throw new DecryptionError("Cannot decrypt: malformed ciphertext");
  return parsed;
}

/** The id of the key that wrote `ciphertext`. */
export function keyIdOf(ciphertext: string): string {
  return parse(ciphertext).kid;
}

export function decrypt(ciphertext: string, context: string, ring: KeyRing = appKeyRing()): string {
  const { kid, iv, tag, body } = parse(ciphertext);
  const key = ring.get(kid);
  if (!key) throw new DecryptionError(`Cannot decrypt: key "${kid}" is not in the key ring`);
  try {
    // Stryker disable next-line ObjectLiteral: parse() has already refused any tag that is not 16 bytes
    const decipher = createDecipheriv("aes-256-gcm", key.material, iv, { authTagLength: TAG_BYTES });
    // Stryker disable next-line StringLiteral: Node treats an empty encoding name as utf8
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError(`Cannot decrypt: authentication failed (tampered value, wrong context or wrong key "${kid}")`);
  }
}

/** True when `ciphertext` was not written with the ring's primary key. */
export function needsReencryption(ciphertext: string, ring: KeyRing = appKeyRing()): boolean {
  return keyIdOf(ciphertext) !== ring.primary.id;
}

/** The same plaintext under the primary key; unchanged when it already is. */
export function reencrypt(ciphertext: string, context: string, ring: KeyRing = appKeyRing()): string {
  if (!needsReencryption(ciphertext, ring)) return ciphertext;
  return encrypt(decrypt(ciphertext, context, ring), context, ring);
}
