// API keys authenticate scripts. A key is bound to one tenant and one role; expired, revoked and
// unknown keys are refused with a reason the script can act on; use is recorded for admins.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { createTRPCContext, TENANT_HEADER } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { authenticateApiKey, generateApiKey, hashApiKey } from "./api-keys";
import { forgetCachedCredentials } from "./auth-cache";

const keyRow = (key: string) =>
  withPrivilegedDb("test check", (db) => db.apiKey.findUniqueOrThrow({ where: { hash: hashApiKey(key) } }));

let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("key-a"), createTestTenant("key-b")]);
  await createTestCases(a, ["A's case"]);
  await createTestCases(b, ["B's case"]);
});

describe("API keys", () => {
  it("a valid key works, bound to its own tenant with or without the slug header", async () => {
    const key = await createTestApiKey(a);
    for (const caller of [await apiKeyCaller(key), await apiKeyCaller(key, a.slug)]) {
      expect((await caller.tenant.current()).id).toBe(a.id);
      expect((await caller.cases.list({})).items.map((c) => c.title)).toEqual(["A's case"]);
    }
    await expectAppError((await apiKeyCaller(key, b.slug)).cases.list({}), "NOT_FOUND");
  });

  it("acts with the key's role, whatever the tenant's members may do", async () => {
    const key = await createTestApiKey(a, { role: "VIEWER" });
    const caller = await apiKeyCaller(key);
    await expect(caller.cases.list({})).resolves.toBeDefined();
    await expectAppError(caller.cases.create({ title: "Viewer key write" }), "FORBIDDEN", "PERMISSION_DENIED");
  });

  it("records cases it creates as made by the key, not by a user", async () => {
    const key = await createTestApiKey(a);
    const created = await (await apiKeyCaller(key)).cases.create({ title: "From a script" });
    expect(created.createdBy).toBeNull();
    const audit = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findFirstOrThrow({ where: { tenantId: a.id, targetId: created.id } }),
    );
    expect(audit).toMatchObject({ action: "case.created", actorType: "apiKey", actorId: (await keyRow(key)).id });
  });

  it("refuses an expired key with API_KEY_EXPIRED", async () => {
    const key = await createTestApiKey(a, { expiresAt: new Date(Date.now() - 1000) });
    await expectAppError((await apiKeyCaller(key)).cases.list({}), "UNAUTHORIZED", "API_KEY_EXPIRED");
    // Expiry is inclusive: at the very instant it is already refused.
    const row = await keyRow(key);
    expect(await authenticateApiKey(key, row.expiresAt!)).toEqual({ ok: false, reason: "EXPIRED" });
    // Refused when it is looked up, not only afterwards: its use is not recorded.
    expect((await keyRow(key)).lastUsedAt).toBeNull();
    expect(await authenticateApiKey(key, new Date(row.expiresAt!.getTime() - 1))).toMatchObject({ ok: true });
  });

  it("refuses a key cached while valid once it expires, at the very instant", async () => {
    const expiresAt = new Date(Date.now() + 60 * 60_000);
    const key = await createTestApiKey(a, { role: "VIEWER", expiresAt });
    const id = (await keyRow(key)).id;
    // A millisecond before: accepted, and the answer cached. What the caller gets is the principal
    // only, without the cache's bookkeeping.
    expect(await authenticateApiKey(key, new Date(expiresAt.getTime() - 1))).toEqual({
      ok: true,
      principal: {
        apiKeyId: id,
        tenantId: a.id,
        tenantSlug: a.slug,
        tenantName: expect.any(String),
        tenantStatus: "ACTIVE",
        tenantDeletionScheduledFor: null,
        role: "VIEWER",
        authorityUserId: null,
      },
    });
    // At the instant it expires the cached answer is still fresh, yet the key is refused.
    expect(await authenticateApiKey(key, expiresAt)).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("refuses a revoked key with API_KEY_REVOKED, and does not record its use", async () => {
    const key = await createTestApiKey(a, { revokedAt: new Date() });
    await expectAppError((await apiKeyCaller(key)).cases.list({}), "UNAUTHORIZED", "API_KEY_REVOKED");
    expect((await keyRow(key)).lastUsedAt).toBeNull();
  });

  it("refuses an unknown or malformed key with UNAUTHORIZED", async () => {
    await expectAppError((await apiKeyCaller(generateApiKey().key)).cases.list({}), "UNAUTHORIZED", "API_KEY_UNKNOWN");
    await expectAppError((await apiKeyCaller("cb_not-a-key")).cases.list({}), "UNAUTHORIZED", "API_KEY_MALFORMED");
  });

  it("calls a key with anything before or after it malformed, without looking it up", async () => {
    const key = await createTestApiKey(a);
    expect(await authenticateApiKey(key)).toMatchObject({ ok: true });
    // A pasted key with a stray character either side is not a key we issued.
    for (const presented of [`x${key}`, ` ${key}`, `${key}!`, `${key} `, `${key}\n`]) {
      expect(await authenticateApiKey(presented), JSON.stringify(presented)).toEqual({ ok: false, reason: "MALFORMED" });
    }
  });

  it("makes prefixes of lowercase letters and digits that tell keys apart", () => {
    const keys = Array.from({ length: 50 }, () => generateApiKey());
    for (const { key, prefix, hash } of keys) {
      expect(prefix).toMatch(/^[a-z0-9]{8}$/);
      expect(key.startsWith(`cb_${prefix}_`)).toBe(true);
      expect(hash).toBe(hashApiKey(key));
    }
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(50);
    // Random base64url, lowercased: about four characters in five are letters (none would be, were
    // the letters folded away into zeros).
    const letters = keys.map((k) => k.prefix).join("").replace(/[^a-z]/g, "").length;
    expect(letters).toBeGreaterThan(0.6 * 8 * 50);
  });

  it("never falls back to the session user when a bad key is presented", async () => {
    const headers = new Headers({ authorization: `Bearer ${generateApiKey().key}`, [TENANT_HEADER]: a.slug });
    const caller = createCaller(await createTRPCContext({ headers, user: a.users.OWNER }));
    await expectAppError(caller.cases.list({}), "UNAUTHORIZED", "API_KEY_UNKNOWN");
  });

  it("records lastUsedAt, at most once a minute", async () => {
    const key = await createTestApiKey(a);
    expect((await keyRow(key)).lastUsedAt).toBeNull();
    const started = Date.now();
    await (await apiKeyCaller(key)).cases.list({});
    const first = (await keyRow(key)).lastUsedAt;
    expect(first?.getTime()).toBeGreaterThanOrEqual(started - 5);
    expect(first!.getTime()).toBeLessThanOrEqual(Date.now());

    // Within the minute the row is left alone (no write per request); after it, it moves on.
    await authenticateApiKey(key, new Date(first!.getTime() + 30_000));
    expect((await keyRow(key)).lastUsedAt).toEqual(first);
    // A full minute is not yet more than a minute.
    await authenticateApiKey(key, new Date(first!.getTime() + 60_000));
    expect((await keyRow(key)).lastUsedAt).toEqual(first);
    // (That answer is cached for seconds; forgotten, so the next use looks the key up again.)
    forgetCachedCredentials();
    const later = new Date(first!.getTime() + 60_001);
    await authenticateApiKey(key, later);
    expect((await keyRow(key)).lastUsedAt).toEqual(later);
  });

  it("acts with at most its authority's current role, and not at all once the authority is no member", async () => {
    const admin = await callerFor(a.users.ADMIN, a.slug);
    const { apiKey, secret } = await admin.apiKeys.create({ name: "admin's key", role: "ADMIN" });
    expect((await keyRow(secret)).authorityUserId).toBe(a.users.ADMIN.id);
    // Changed behind the services' back (as a stale row or a direct edit would): authentication
    // still takes the lower of the two roles, from the one query it makes. (A direct edit is not
    // announced to the credential cache, so the test forgets it; the services announce theirs.)
    await withPrivilegedDb("test fixture", (db) =>
      db.membership.update({ where: { tenantId_userId: { tenantId: a.id, userId: a.users.ADMIN.id } }, data: { role: "VIEWER" } }),
    );
    forgetCachedCredentials();
    try {
      const check = await authenticateApiKey(secret);
      expect(check).toMatchObject({ ok: true, principal: { apiKeyId: apiKey.id, role: "VIEWER", authorityUserId: a.users.ADMIN.id } });
      await expectAppError((await apiKeyCaller(secret)).cases.create({ title: "Viewer now" }), "FORBIDDEN", "PERMISSION_DENIED");
      await withPrivilegedDb("test fixture", (db) => db.membership.delete({ where: { tenantId_userId: { tenantId: a.id, userId: a.users.ADMIN.id } } }));
      forgetCachedCredentials();
      expect(await authenticateApiKey(secret)).toEqual({ ok: false, reason: "REVOKED" });
    } finally {
      await withPrivilegedDb("test fixture", (db) =>
        db.membership.upsert({
          where: { tenantId_userId: { tenantId: a.id, userId: a.users.ADMIN.id } },
          create: { tenantId: a.id, userId: a.users.ADMIN.id, role: "ADMIN" },
          update: { role: "ADMIN" },
        }),
      );
      forgetCachedCredentials();
    }
  });

  it("keeps the key's own role when its authority's role is higher", async () => {
    const owner = await callerFor(a.users.OWNER, a.slug);
    const { apiKey, secret } = await owner.apiKeys.create({ name: "owner's agent key", role: "AGENT" });
    expect(await authenticateApiKey(secret)).toMatchObject({ ok: true, principal: { apiKeyId: apiKey.id, role: "AGENT", authorityUserId: a.users.OWNER.id } });
    await expectAppError((await apiKeyCaller(secret)).apiKeys.list(), "FORBIDDEN", "PERMISSION_DENIED");
  });

  it("a key made by a key inherits its maker's authority; an operator's key stands on none", async () => {
    const operatorKey = await createTestApiKey(a, { role: "ADMIN" });
    expect((await keyRow(operatorKey)).authorityUserId).toBeNull();
    const fromOperator = await (await apiKeyCaller(operatorKey)).apiKeys.create({ name: "from operator key", role: "AGENT" });
    expect((await keyRow(fromOperator.secret)).authorityUserId).toBeNull();

    const memberKey = await (await callerFor(a.users.OWNER, a.slug)).apiKeys.create({ name: "owner's", role: "ADMIN" });
    const minted = await (await apiKeyCaller(memberKey.secret)).apiKeys.create({ name: "minted", role: "ADMIN" });
    expect(await keyRow(minted.secret)).toMatchObject({ createdById: null, authorityUserId: a.users.OWNER.id });
  });
});
