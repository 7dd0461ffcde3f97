// Key rotation for customers' PII: after a new key is put first in ENCRYPTION_KEYS, rewrites
// every ciphertext (and email blind index) still under an older key, one batch per call, so a
// job can run it in short transactions and resume where it stopped. Old keys may leave the ring
// once no ciphertext names them.
import { appKeyRing, decrypt, emailBlindIndex, encrypt, type KeyRing } from "@/server/crypto";
import type { TenantDb } from "@/server/db/tenant-db";
import { piiContext } from "./pii";
import { tenantKey } from "@/server/db/tenant-scope";

export interface RotationBatchResult {
  /** Rows rewritten in this batch. */
  rotated: number;
  /** True when no row of the tenant is left under an older key. */
  done: boolean;
}

export async function rotateCustomerEncryptionBatch(db: TenantDb, options: { batchSize?: number; ring?: KeyRing } = {}): Promise<RotationBatchResult> {
  const ring = options.ring ?? appKeyRing();
  const batchSize = options.batchSize ?? 200;
  const current = `v1.${ring.primary.id}.`;
  const underOldKey = (column: "emailCiphertext" | "phoneCiphertext") => ({
    AND: [{ [column]: { not: null } }, { NOT: { [column]: { startsWith: current } } }],
  });
  const rows = await db.customer.findMany({
    where: { OR: [underOldKey("emailCiphertext"), underOldKey("phoneCiphertext")] },
    select: { id: true, tenantId: true, emailCiphertext: true, phoneCiphertext: true },
    orderBy: { id: "asc" },
    take: batchSize,
  });
  for (const row of rows) {
    const email = row.emailCiphertext ? decrypt(row.emailCiphertext, piiContext(row.tenantId, "email"), ring) : null;
    const phone = row.phoneCiphertext ? decrypt(row.phoneCiphertext, piiContext(row.tenantId, "phone"), ring) : null;
    await db.customer.update({
      where: tenantKey(row.id),
      // Not a user's edit: version stays, so nobody's open form becomes stale.
      data: {
        emailCiphertext: email === null ? null : encrypt(email, piiContext(row.tenantId, "email"), ring),
        emailBlindIndex: email === null ? null : emailBlindIndex(row.tenantId, email, ring),
        phoneCiphertext: phone === null ? null : encrypt(phone, piiContext(row.tenantId, "phone"), ring),
      },
      select: { id: true },
    });
  }
  return { rotated: rows.length, done: rows.length < batchSize };
}
