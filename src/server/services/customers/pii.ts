// Customer PII in and out of the database: encryption contexts, decryption, and the masks shown
// to members without pii:read. Masking happens here, on the server: the clear value never
// reaches a client that may not see it.
import { decrypt, encrypt } from "@/server/crypto";

/** Binds a ciphertext to its tenant and column: copied anywhere else, it no longer decrypts. */
export const piiContext = (tenantId: string, field: "email" | "phone") => `${tenantId}:customer.${field}`;

export function encryptPii(tenantId: string, field: "email" | "phone", value: string | null | undefined): string | null {
  return value ? encrypt(value, piiContext(tenantId, field)) : null;
}

export function decryptPii(tenantId: string, field: "email" | "phone", ciphertext: string | null): string | null {
  return ciphertext ? decrypt(ciphertext, piiContext(tenantId, field)) : null;
}

/** "john.doe@example.com" → "j***@e***.com" */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : "";
  return `${local[0]}***@${host[0] ?? ""}***${tld}`;
}

/** "+31 6 1234 5678" → "•••• 5678" */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `•••• ${digits.slice(-4)}`;
}
