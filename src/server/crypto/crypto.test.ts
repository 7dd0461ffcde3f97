// Field encryption and blind indexes: what a ciphertext promises (round trip, a named key,
// refusal on any tampering or a wrong key), and that a key rotation keeps every value readable
// and findable, first in memory, then on customers in the database.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { rotateCustomerEncryptionBatch } from "@/server/services/customers/rotate-encryption";
import { piiContext } from "@/server/services/customers/pii";
import { callerFor, createTestTenant } from "@/test/factories";
import {
  appKeyRing,
  decrypt,
  DecryptionError,
  emailBlindIndex,
  emailBlindIndexCandidates,
  encrypt,
  keyIdOf,
  needsReencryption,
  parseKeyRing,
  reencrypt,
} from "./index";

const key = () => randomBytes(32).toString("base64");
const OLD = key();
const NEW = key();
const oldRing = parseKeyRing(`old:${OLD}`);
const rotatedRing = parseKeyRing(`new:${NEW},old:${OLD}`);
const newOnlyRing = parseKeyRing(`new:${NEW}`);
const CTX = "tenant-1:customer.email";

/** Replaces one character of the part at `index` (0 = version … 4 = ciphertext). */
function tamper(ciphertext: string, index: number): string {
  const parts = ciphertext.split(".");
  const part = parts[index]!;
  parts[index] = (part[0] === "A" ? "B" : "A") + part.slice(1);
  return parts.join(".");
}

describe("encryption", () => {
  it("round-trips, names its key, and never repeats a ciphertext", () => {
    const a = encrypt("jane@example.com", CTX, oldRing);
    const b = encrypt("jane@example.com", CTX, oldRing);
    expect(a).toMatch(/^v1\.old\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(decrypt(a, CTX, oldRing)).toBe("jane@example.com");
    expect(decrypt(encrypt("ünïcødé ✓", CTX, oldRing), CTX, oldRing)).toBe("ünïcødé ✓");
    expect(keyIdOf(a)).toBe("old");
  });

  it("refuses a key the ring does not hold, and a different key under the same id", () => {
    const sealed = encrypt("secret", CTX, oldRing);
    expect(() => decrypt(sealed, CTX, newOnlyRing)).toThrow(DecryptionError);
    expect(() => decrypt(sealed, CTX, newOnlyRing)).toThrow(/key "old" is not in the key ring/);
    const impostor = parseKeyRing(`old:${key()}`);
    expect(() => decrypt(sealed, CTX, impostor)).toThrow(/authentication failed/);
  });

  it("refuses tampering with iv, tag or ciphertext, a truncated value, and another context", () => {
    const sealed = encrypt("secret value", CTX, oldRing);
    for (const part of [2, 3, 4]) expect(() => decrypt(tamper(sealed, part), CTX, oldRing), `part ${part}`).toThrow(DecryptionError);
    expect(() => decrypt(sealed.slice(0, -4), CTX, oldRing)).toThrow(DecryptionError);
    expect(() => decrypt("garbage", CTX, oldRing)).toThrow(/not a v1 ciphertext/);
    // Copied into another tenant's row or another column: refused, not decrypted.
    expect(() => decrypt(sealed, "tenant-2:customer.email", oldRing)).toThrow(DecryptionError);
    expect(() => decrypt(sealed, "tenant-1:customer.phone", oldRing)).toThrow(DecryptionError);
  });

  it("after a rotation, old ciphertexts still decrypt, new ones use the new key, and reencrypt moves them", () => {
    const before = encrypt("jane@example.com", CTX, oldRing);
    expect(decrypt(before, CTX, rotatedRing)).toBe("jane@example.com");
    expect(needsReencryption(before, rotatedRing)).toBe(true);
    const after = reencrypt(before, CTX, rotatedRing);
    expect(keyIdOf(after)).toBe("new");
    expect(reencrypt(after, CTX, rotatedRing)).toBe(after);
    // Once everything is re-encrypted the old key can leave the ring.
    expect(decrypt(after, CTX, newOnlyRing)).toBe("jane@example.com");
  });

  it("refuses a malformed key ring", () => {
    expect(() => parseKeyRing(`short:${Buffer.alloc(16).toString("base64")}`)).toThrow(/32 bytes/);
    expect(() => parseKeyRing(`a:${OLD},a:${NEW}`)).toThrow(/appears twice/);
  });
});

describe("blind index", () => {
  it("is deterministic per tenant and normalised email, and differs between tenants and keys", () => {
    expect(emailBlindIndex("t1", "Jane@Example.com ", oldRing)).toBe(emailBlindIndex("t1", "jane@example.com", oldRing));
    expect(emailBlindIndex("t1", "jane@example.com", oldRing)).not.toBe(emailBlindIndex("t2", "jane@example.com", oldRing));
    expect(emailBlindIndex("t1", "jane@example.com", oldRing)).not.toBe(emailBlindIndex("t1", "jane@example.com", newOnlyRing));
    // During a rotation a lookup tries every key's index.
    expect(emailBlindIndexCandidates("t1", "jane@example.com", rotatedRing)).toEqual([
      emailBlindIndex("t1", "jane@example.com", newOnlyRing),
      emailBlindIndex("t1", "jane@example.com", oldRing),
    ]);
  });

  it("finds a customer by exact email (any case), and only that one", async () => {
    const tenant = await createTestTenant("blind");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const jane = await agent.customers.create({ name: "Jane Doe", email: "Jane.Doe@Example.com" });
    await agent.customers.create({ name: "John Doe", email: "john.doe@example.com" });
    const found = await agent.customers.list({ q: "jane.doe@EXAMPLE.com" });
    expect(found.items.map((c) => c.id)).toEqual([jane.id]);
    expect(found.items[0]!.email).toBe("jane.doe@example.com");
    expect((await agent.customers.list({ q: "jane@example.com" })).items).toEqual([]);
    // The database holds neither the address nor any part of it (the name is not PII-encrypted).
    const row = await withPrivilegedDb("test check", (db) => db.customer.findUniqueOrThrow({ where: { id: jane.id } }));
    expect(JSON.stringify({ ...row, name: null })).not.toMatch(/jane|doe|example/i);
  });
});

describe("rotation of customers' PII in the database", () => {
  it("re-encrypts every row under the new key in batches; values stay readable and findable", async () => {
    const tenant = await createTestTenant("rotate");
    const people = Array.from({ length: 7 }, (_, i) => ({ email: `person${i}@example.com`, phone: i % 2 ? `+31 6 0000 000${i}` : null }));
    // Written before the rotation: under the old key, as the app would have with ENCRYPTION_KEYS=old:…
    await withPrivilegedDb("test fixture", (db) =>
      db.customer.createMany({
        data: people.map((p, i) => ({
          tenantId: tenant.id,
          name: `Person ${i}`,
          emailCiphertext: encrypt(p.email, piiContext(tenant.id, "email"), oldRing),
          emailBlindIndex: emailBlindIndex(tenant.id, p.email, oldRing),
          phoneCiphertext: p.phone ? encrypt(p.phone, piiContext(tenant.id, "phone"), oldRing) : null,
        })),
      }),
    );

    // Mid-rotation, the old rows are still found through the old key's index.
    const findByEmail = (email: string) =>
      withTenantDb(tenant.id, (db) =>
        db.customer.findFirst({ where: { emailBlindIndex: { in: emailBlindIndexCandidates(tenant.id, email, rotatedRing) } }, select: { id: true } }),
      );
    expect(await findByEmail("person3@example.com")).not.toBeNull();

    const batches = [];
    for (;;) {
      const batch = await withTenantDb(tenant.id, (db) => rotateCustomerEncryptionBatch(db, { batchSize: 3, ring: rotatedRing }));
      batches.push(batch);
      if (batch.done) break;
    }
    expect(batches.map((b) => b.rotated)).toEqual([3, 3, 1]);

    const rows = await withPrivilegedDb("test check", (db) => db.customer.findMany({ where: { tenantId: tenant.id }, orderBy: { name: "asc" } }));
    rows.forEach((row, i) => {
      expect(keyIdOf(row.emailCiphertext!)).toBe("new");
      // Readable with the new key alone: the old one can be retired.
      expect(decrypt(row.emailCiphertext!, piiContext(tenant.id, "email"), newOnlyRing)).toBe(people[i]!.email);
      if (people[i]!.phone) expect(decrypt(row.phoneCiphertext!, piiContext(tenant.id, "phone"), newOnlyRing)).toBe(people[i]!.phone);
      expect(row.emailBlindIndex).toBe(emailBlindIndex(tenant.id, people[i]!.email, newOnlyRing));
      expect(row.version).toBe(1);
    });
    expect(await findByEmail("person3@example.com")).not.toBeNull();
    // Nothing left to do.
    expect(await withTenantDb(tenant.id, (db) => rotateCustomerEncryptionBatch(db, { ring: rotatedRing }))).toEqual({ rotated: 0, done: true });
  });

  it("the rotation job is registered and runs to completion for a tenant", async () => {
    const tenant = await createTestTenant("rotate-job");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    await owner.customers.create({ name: "Already current", email: "current@example.com" });
    const { jobId } = await owner.customers.rotateEncryption();
    const { registeredJobTypes, runDueJobs } = await import("@/server/jobs");
    expect(registeredJobTypes()).toContain("customers.rotate-encryption");
    await runDueJobs({ types: ["customers.rotate-encryption"], recurring: false, budgetMs: 5_000 });
    const job = await withPrivilegedDb("test check", (db) => db.job.findUniqueOrThrow({ where: { id: jobId } }));
    expect({ status: job.status, result: job.result }).toEqual({ status: "SUCCEEDED", result: { rotated: 0 } });
    expect(appKeyRing().primary.id).toBe("dev1");
  });
});
