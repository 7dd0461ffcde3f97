// Field encryption and blind indexes: what a ciphertext promises (round trip, a named key,
// refusal on any tampering or a wrong key), and that a key rotation keeps every value readable
// and findable, first in memory, then on customers in the database.
import { createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
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
  KeyRing,
  keyIdOf,
  needsReencryption,
  normaliseEmail,
  parseKeyRing,
  reencrypt,
} from "./index";

const key = () => randomBytes(32).toString("base64");
const OLD = key();
const NEW = key();
// Rings are parsed inside each test (not when the file loads), so parsing runs under the test that
// relies on it.
const rings = () => ({
  oldRing: parseKeyRing(`old:${OLD}`),
  rotatedRing: parseKeyRing(`new:${NEW},old:${OLD}`),
  newOnlyRing: parseKeyRing(`new:${NEW}`),
});
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
    const { oldRing } = rings();
    const a = encrypt("jane@example.com", CTX, oldRing);
    const b = encrypt("jane@example.com", CTX, oldRing);
    expect(a).toMatch(/^v1\.old\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(decrypt(a, CTX, oldRing)).toBe("jane@example.com");
    expect(decrypt(encrypt("ünïcødé ✓", CTX, oldRing), CTX, oldRing)).toBe("ünïcødé ✓");
    expect(keyIdOf(a)).toBe("old");
  });

  it("refuses a key the ring does not hold, and a different key under the same id", () => {
    const { oldRing, newOnlyRing } = rings();
    const sealed = encrypt("secret", CTX, oldRing);
    expect(() => decrypt(sealed, CTX, newOnlyRing)).toThrow(DecryptionError);
    expect(() => decrypt(sealed, CTX, newOnlyRing)).toThrow(/key "old" is not in the key ring/);
    const impostor = parseKeyRing(`old:${key()}`);
    expect(() => decrypt(sealed, CTX, impostor)).toThrow(/authentication failed/);
  });

  it("refuses tampering with iv, tag or ciphertext, a truncated value, and another context", () => {
    const { oldRing } = rings();
    const sealed = encrypt("secret value", CTX, oldRing);
    for (const part of [2, 3, 4]) expect(() => decrypt(tamper(sealed, part), CTX, oldRing), `part ${part}`).toThrow(DecryptionError);
    expect(() => decrypt(sealed.slice(0, -4), CTX, oldRing)).toThrow(DecryptionError);
    expect(() => decrypt("garbage", CTX, oldRing)).toThrow(/not a v1 ciphertext/);
    // Copied into another tenant's row or another column: refused, not decrypted.
    expect(() => decrypt(sealed, "tenant-2:customer.email", oldRing)).toThrow(DecryptionError);
    expect(() => decrypt(sealed, "tenant-1:customer.phone", oldRing)).toThrow(DecryptionError);
  });

  it("after a rotation, old ciphertexts still decrypt, new ones use the new key, and reencrypt moves them", () => {
    const { oldRing, rotatedRing, newOnlyRing } = rings();
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

  it("parses ENCRYPTION_KEYS: trimmed kid:base64 pairs in order, empty entries skipped, the exact key bytes", () => {
    const ring = parseKeyRing(` new:${NEW} , ,old:${OLD},`);
    expect(ring.keys.map((k) => k.id)).toEqual(["new", "old"]);
    expect(ring.primary.id).toBe("new");
    expect(ring.get("new")!.material.equals(Buffer.from(NEW, "base64"))).toBe(true);
    expect(ring.get("old")!.material.equals(Buffer.from(OLD, "base64"))).toBe(true);
    expect(ring.get("missing")).toBeUndefined();
    // A base64 key may itself contain no ":", but the kid ends at the first one.
    expect(parseKeyRing(`k1:${OLD}`).get("k1")!.material).toEqual(Buffer.from(OLD, "base64"));
  });

  it("refuses an empty ring, a pair without kid or colon, and keys of the wrong size, naming the problem", () => {
    expect(() => parseKeyRing("")).toThrow("The encryption key ring is empty");
    expect(() => parseKeyRing(" , ,")).toThrow("The encryption key ring is empty");
    expect(() => new KeyRing([])).toThrow("The encryption key ring is empty");
    expect(() => parseKeyRing(OLD)).toThrow("ENCRYPTION_KEYS: expected kid:base64key pairs");
    expect(() => parseKeyRing(`:${OLD}`)).toThrow("ENCRYPTION_KEYS: expected kid:base64key pairs");
    expect(() => parseKeyRing(`new:${NEW},${OLD}`)).toThrow("ENCRYPTION_KEYS: expected kid:base64key pairs");
    expect(() => parseKeyRing(`short:${Buffer.alloc(31).toString("base64")}`)).toThrow('Encryption key "short" must be 32 bytes, got 31');
    expect(() => parseKeyRing(`long:${Buffer.alloc(33).toString("base64")}`)).toThrow('Encryption key "long" must be 32 bytes, got 33');
    expect(() => parseKeyRing(`a:${OLD}, a:${NEW}`)).toThrow('Encryption key id "a" appears twice');
    expect(new KeyRing([{ id: "x", material: Buffer.alloc(32) }, { id: "y", material: Buffer.alloc(32) }]).primary.id).toBe("x");
  });

  it("seals with AES-256-GCM under the primary key's exact bytes, the context as additional data", () => {
    const { rotatedRing } = rings();
    const sealed = encrypt("jane@example.com", CTX, rotatedRing);
    const [version, kid, iv, tag, body] = sealed.split(".") as [string, string, string, string, string];
    expect([version, kid]).toEqual(["v1", "new"]);
    expect(Buffer.from(iv, "base64url")).toHaveLength(12);
    expect(Buffer.from(tag, "base64url")).toHaveLength(16);
    // Opened independently of the module: the key is NEW itself, and the AAD is the context.
    const open = (keyB64: string, context: string) => {
      const decipher = createDecipheriv("aes-256-gcm", Buffer.from(keyB64, "base64"), Buffer.from(iv, "base64url"), { authTagLength: 16 });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    };
    expect(open(NEW, CTX)).toBe("jane@example.com");
    expect(() => open(OLD, CTX)).toThrow();
    expect(() => open(NEW, "tenant-2:customer.email")).toThrow();
  });

  it("refuses a value that is not five parts under v1, or whose iv or tag has the wrong length", () => {
    const { oldRing } = rings();
    const sealed = encrypt("secret value", CTX, oldRing);
    const parts = sealed.split(".");
    const withPart = (index: number, bytes: number) =>
      parts.map((part, i) => (i === index ? randomBytes(bytes).toString("base64url") : part)).join(".");
    const failure = (value: string) => {
      try {
        decrypt(value, CTX, oldRing);
      } catch (error) {
        return error as Error;
      }
      throw new Error(`decrypted ${value}`);
    };
    for (const value of [`v2${sealed.slice(2)}`, `${sealed}.AAAA`, parts.slice(0, 4).join("."), `v1.${sealed}`]) {
      const error = failure(value);
      expect(error).toBeInstanceOf(DecryptionError);
      expect(error.name).toBe("DecryptionError");
      expect(error.message).toBe("Cannot decrypt: not a v1 ciphertext");
    }
    for (const value of [withPart(2, 11), withPart(2, 16), withPart(3, 12), withPart(3, 4), withPart(3, 17)]) {
      const error = failure(value);
      expect(error).toBeInstanceOf(DecryptionError);
      expect(error.message).toBe("Cannot decrypt: malformed ciphertext");
    }
    expect(failure(tamper(sealed, 4)).message).toBe('Cannot decrypt: authentication failed (tampered value, wrong context or wrong key "old")');
    expect(failure(tamper(sealed, 4)).name).toBe("DecryptionError");
  });
});

describe("blind index", () => {
  it("is an HMAC-SHA256 of tenant and normalised email under an HKDF-derived key, never the ring key itself", () => {
    const { oldRing } = rings();
    expect(normaliseEmail("  Jane.Doe@Example.COM \t")).toBe("jane.doe@example.com");
    const indexKey = Buffer.from(hkdfSync("sha256", Buffer.from(OLD, "base64"), Buffer.from("caseboard-blind-index"), Buffer.from("email"), 32));
    const expected = createHmac("sha256", indexKey).update("t1\u0000jane.doe@example.com").digest("base64url");
    expect(emailBlindIndex("t1", " Jane.Doe@Example.COM", oldRing)).toBe(expected);
    expect(emailBlindIndex("t1", "jane.doe@example.com", oldRing)).toBe(expected);
    const rawKey = createHmac("sha256", Buffer.from(OLD, "base64")).update("t1\u0000jane.doe@example.com").digest("base64url");
    expect(expected).not.toBe(rawKey);
  });

  it("is deterministic per tenant and normalised email, and differs between tenants and keys", () => {
    const { oldRing, rotatedRing, newOnlyRing } = rings();
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
    const row = await withPrivilegedDb("test check", (db) => db.customer.findFirstOrThrow({ where: { id: jane.id } }));
    expect(JSON.stringify({ ...row, name: null })).not.toMatch(/jane|doe|example/i);
  });
});

describe("rotation of customers' PII in the database", () => {
  it("re-encrypts every row under the new key in batches; values stay readable and findable", async () => {
    const { oldRing, rotatedRing, newOnlyRing } = rings();
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
