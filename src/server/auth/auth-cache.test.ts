// The credential cache: a request skips the privileged lookup the previous one made, yet a change
// to what a credential means takes effect at once, on this instance and (over the bus) on every
// other, and never before its transaction commits.
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it, vi } from "vitest";
import { hashApiKey } from "@/server/auth/api-keys";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { deferred } from "@/server/jobs/test-kit";
import { createPostgresBus, createRedisBus, getBus, type BusMessage, type EventBus } from "@/server/realtime/bus";
import { signOutEverywhere } from "@/server/services/accounts/sign-out-everywhere";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant } from "@/test/factories";
import { authenticateApiKey } from "./api-keys";
import { apiKeyCache, AuthCache, followAuthChanges, forgetCachedCredentials, invalidateAuth } from "./auth-cache";
import { startSession } from "./sessions";
import { resolveSessionUser } from "./session-user";

const revokeBehindTheBack = (tenantId: string) =>
  withPrivilegedDb("test fixture", (db) => db.apiKey.updateMany({ where: { tenantId }, data: { revokedAt: new Date() } }));

/**
 * Resolves once the process's bus delivers: its listener is connected (on PostgreSQL and Redis the
 * first connection, like every reconnection, empties the caches, since messages may have been missed).
 */
async function busLive(): Promise<void> {
  const marker = randomUUID();
  let heard = false;
  const off = getBus().subscribe((m) => void (m.type === "auth" && m.tenantId === marker && (heard = true)));
  try {
    await vi.waitFor(async () => {
      await getBus().publish({ type: "auth", tenantId: marker, userId: null, sessionId: null });
      expect(heard).toBe(true);
    }, { timeout: 5_000 });
  } finally {
    off();
  }
}

describe("API keys through the cache", () => {
  it("a second request is served from the cache; another instance's announcement drops it", async () => {
    const t = await createTestTenant("authcache-bus");
    const key = await createTestApiKey(t);
    await busLive();
    const first = await authenticateApiKey(key);
    const second = await authenticateApiKey(key);
    // The very same principal: no second lookup.
    expect(first.ok && second.ok && second.principal === first.principal).toBe(true);
    // Revoked without the services (so unannounced), then announced as another instance would.
    await revokeBehindTheBack(t.id);
    await vi.waitFor(async () => {
      await getBus().publish({ type: "auth", tenantId: t.id, userId: null, sessionId: null });
      expect(await authenticateApiKey(key)).toEqual({ ok: false, reason: "REVOKED" });
    });
  });

  it("revoking through the app refuses the very next request", async () => {
    const t = await createTestTenant("authcache-revoke");
    const owner = await callerFor(t.users.OWNER, t.slug);
    const { apiKey, secret } = await owner.apiKeys.create({ name: "script", role: "AGENT" });
    await (await apiKeyCaller(secret)).cases.list({});
    await owner.apiKeys.revoke({ id: apiKey.id });
    expect(await authenticateApiKey(secret)).toEqual({ ok: false, reason: "REVOKED" });
  });

  it("removing the key's member, or lowering their role, applies to the next request", async () => {
    const t = await createTestTenant("authcache-member");
    const admin = await callerFor(t.users.ADMIN, t.slug);
    const { secret } = await admin.apiKeys.create({ name: "admin's", role: "ADMIN" });
    expect(await authenticateApiKey(secret)).toMatchObject({ ok: true, principal: { role: "ADMIN" } });
    const owner = await callerFor(t.users.OWNER, t.slug);
    await owner.members.updateRole({ userId: t.users.ADMIN.id, role: "AGENT" });
    expect(await authenticateApiKey(secret)).toMatchObject({ ok: true, principal: { role: "AGENT" } });
    await owner.members.remove({ userId: t.users.ADMIN.id });
    expect(await authenticateApiKey(secret)).toEqual({ ok: false, reason: "REVOKED" });
  });

  it("refusals are not cached: a key unknown a moment ago works as soon as it exists", async () => {
    const t = await createTestTenant("authcache-unknown");
    const key = await createTestApiKey(t);
    const hash = hashApiKey(key);
    await withPrivilegedDb("test fixture", (db) => db.apiKey.updateMany({ where: { hash }, data: { hash: `moved-${randomUUID()}` } }));
    expect(await authenticateApiKey(key)).toEqual({ ok: false, reason: "UNKNOWN" });
    await withPrivilegedDb("test fixture", (db) => db.apiKey.updateMany({ where: { tenantId: t.id }, data: { hash } }));
    expect((await authenticateApiKey(key)).ok).toBe(true);
  });

  it("a key that expires while cached is refused from its expiry on", async () => {
    const t = await createTestTenant("authcache-expiry");
    const expiresAt = new Date(Date.now() + 60_000);
    const key = await createTestApiKey(t, { expiresAt });
    const now = new Date(expiresAt.getTime() - 2_000);
    expect((await authenticateApiKey(key, now)).ok).toBe(true);
    expect(await authenticateApiKey(key, new Date(expiresAt.getTime() + 1))).toEqual({ ok: false, reason: "EXPIRED" });
  });
});

describe("another instance", () => {
  // The other instance's own bus connection, as a second app process would open it: Redis when
  // REDIS_URL is set, else NOTIFY on the test database; the embedded database is one process.
  function otherInstanceBus(): { bus: EventBus; own: boolean } {
    const databaseUrl = inject("testDatabaseUrl");
    if (process.env.REDIS_URL) return { bus: createRedisBus(process.env.REDIS_URL), own: true };
    if (databaseUrl) return { bus: createPostgresBus(databaseUrl), own: true };
    return { bus: getBus(), own: false };
  }

  it("drops what it cached about a key the moment the key is revoked here", async () => {
    const t = await createTestTenant("authcache-other");
    const owner = await callerFor(t.users.OWNER, t.slug);
    const { apiKey } = await owner.apiKeys.create({ name: "script", role: "AGENT" });
    const { bus, own } = otherInstanceBus();
    const listening = own ? new Promise<void>((resolve) => bus.onReconnect(resolve)) : Promise.resolve();
    const theirs = new AuthCache<string>();
    const stop = followAuthChanges(bus, [theirs]);
    try {
      await listening;
      await theirs.get("their-key", async () => ({ value: "principal", keep: true, tenantId: t.id, userIds: [t.users.OWNER.id], sessionId: null }));
      expect(theirs.size).toBe(1);
      await owner.apiKeys.revoke({ id: apiKey.id });
      await vi.waitFor(() => expect(theirs.size).toBe(0), { timeout: 3_000 });
    } finally {
      stop();
      if (own) await bus.close();
    }
  });
});

describe("invalidateAuth", () => {
  const heard = () => {
    const messages: Extract<BusMessage, { type: "auth" }>[] = [];
    const off = getBus().subscribe((m) => void (m.type === "auth" && messages.push(m)));
    return { messages, off };
  };

  it("announces after its transaction commits, and not at all after a rollback", async () => {
    const t = await createTestTenant("authcache-commit");
    const { messages, off } = heard();
    try {
      await withTenantDb(t.id, async () => {
        invalidateAuth({ tenantId: t.id });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(messages.filter((m) => m.tenantId === t.id)).toEqual([]);
      });
      await vi.waitFor(() => expect(messages.filter((m) => m.tenantId === t.id)).toHaveLength(1));

      await expect(
        withTenantDb(t.id, async () => {
          invalidateAuth({ tenantId: t.id, userId: t.users.AGENT.id });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(messages.filter((m) => m.tenantId === t.id)).toHaveLength(1);
    } finally {
      off();
    }
  });

  it("inside a privileged transaction, also after it commits", async () => {
    const userId = randomUUID();
    const { messages, off } = heard();
    try {
      await withPrivilegedDb("test", async () => {
        invalidateAuth({ userId });
        // Long enough for a message sent now to arrive: none may, before the commit.
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(messages.filter((m) => m.userId === userId)).toEqual([]);
      });
      await vi.waitFor(() => expect(messages.filter((m) => m.userId === userId)).toHaveLength(1));
    } finally {
      off();
    }
  });
});

describe("AuthCache", () => {
  const tagged = (value: string, tenantId: string, userId: string, sessionId: string) => async () => ({ value, keep: true, tenantId, userIds: [userId], sessionId });

  it("drops exactly the entries an invalidation names", async () => {
    const cache = new AuthCache<string>();
    await cache.get("a", tagged("a", "t1", "u1", "s1"));
    await cache.get("b", tagged("b", "t2", "u2", "s2"));
    await cache.get("c", tagged("c", "t3", "u3", "s3"));
    cache.invalidate({ sessionId: "s3" });
    expect(["a", "b", "c"].map((k) => cache.has(k))).toEqual([true, true, false]);
    cache.invalidate({ userId: "u1" });
    expect(["a", "b", "c"].map((k) => cache.has(k))).toEqual([false, true, false]);
    cache.invalidate({ tenantId: "t2" });
    expect(cache.size).toBe(0);
  });

  it("an entry lives exactly its time", async () => {
    const cache = new AuthCache<string>(1_000);
    await cache.get("k", tagged("v", "t", "u", "s"), 0);
    expect([cache.has("k", 999), cache.has("k", 1_000)]).toEqual([true, false]);
    let loads = 0;
    await cache.get("k", async () => (loads++, entry("again")), 999);
    await cache.get("k", async () => (loads++, entry("again")), 1_000);
    expect(loads).toBe(1);
  });

  it("holds at most its number of entries, the oldest going first", async () => {
    const cache = new AuthCache<string>(5_000, { entries: 2, rememberedInvalidations: 10 });
    for (const k of ["a", "b", "c"]) await cache.get(k, tagged(k, "t", "u", "s"));
    expect(["a", "b", "c"].map((k) => cache.has(k))).toEqual([false, true, true]);
  });

  it("judges a lookup under way by the invalidations since it began: any of them naming it, or more than it remembers", async () => {
    const inFlight = async (cache: AuthCache<string>, during: () => void) => {
      const gate = deferred();
      const pending = cache.get("k", async () => {
        await gate.promise;
        return entry("loaded");
      });
      during();
      gate.resolve();
      await pending;
      return cache.has("k");
    };
    const fresh = () => new AuthCache<string>(5_000, { entries: 10, rememberedInvalidations: 2 });
    // Nothing in between: kept. One unrelated and one naming it: not kept.
    expect(await inFlight(fresh(), () => undefined)).toBe(true);
    const c1 = fresh();
    expect(await inFlight(c1, () => (c1.invalidate({ tenantId: "other" }), c1.invalidate({ tenantId: "t1" })))).toBe(false);
    // One naming it before the lookup began does not count.
    const c2 = fresh();
    c2.invalidate({ tenantId: "t1" });
    expect(await inFlight(c2, () => c2.invalidate({ tenantId: "other" }))).toBe(true);
    // More than it remembers: it cannot tell, so it does not keep.
    const c3 = fresh();
    expect(await inFlight(c3, () => ["x", "y", "z"].forEach((t) => c3.invalidate({ tenantId: t })))).toBe(false);
  });

  it("follows a bus: its messages drop what they name, a reconnection drops everything; unsubscribing stops both", async () => {
    const listeners: ((m: BusMessage) => void)[] = [];
    const reconnects: (() => void)[] = [];
    const bus = {
      subscribe: (l: (m: BusMessage) => void) => (listeners.push(l), () => void listeners.splice(listeners.indexOf(l), 1)),
      onReconnect: (l: () => void) => (reconnects.push(l), () => void reconnects.splice(reconnects.indexOf(l), 1)),
    } as unknown as EventBus;
    const cache = new AuthCache<string>();
    const stop = followAuthChanges(bus, [cache as AuthCache<unknown>]);
    await cache.get("a", tagged("a", "t1", "u1", "s1"));
    await cache.get("b", tagged("b", "t2", "u2", "s2"));
    for (const l of listeners) l({ type: "log", tenantId: "t1", seq: 1 });
    expect(cache.size).toBe(2);
    for (const l of listeners) l({ type: "auth", tenantId: "t1", userId: null, sessionId: null });
    expect(["a", "b"].map((k) => cache.has(k))).toEqual([false, true]);
    for (const r of reconnects) r();
    expect(cache.size).toBe(0);
    stop();
    expect([listeners.length, reconnects.length]).toEqual([0, 0]);
  });

  it("forgetCachedCredentials empties this instance's caches", async () => {
    const t = await createTestTenant("authcache-forget");
    const key = await createTestApiKey(t);
    await authenticateApiKey(key);
    expect(apiKeyCache.size).toBeGreaterThan(0);
    forgetCachedCredentials();
    expect(apiKeyCache.size).toBe(0);
  });

  const entry = (value: string) => ({ value, keep: true, tenantId: "t1", userIds: ["u1"], sessionId: "s1" });

  it("does not keep a value read before an invalidation (it may be the old state)", async () => {
    const cache = new AuthCache<string>();
    const gate = deferred();
    const slow = cache.get("k", async () => {
      await gate.promise;
      return entry("old");
    });
    cache.invalidate({ tenantId: "t1" });
    gate.resolve();
    expect(await slow).toBe("old");
    let loads = 0;
    expect(await cache.get("k", async () => (loads++, entry("new")))).toBe("new");
    expect(loads).toBe(1);
  });

  it("keeps a value read while only other tenants' credentials changed", async () => {
    const cache = new AuthCache<string>();
    const gate = deferred();
    const slow = cache.get("k", async () => {
      await gate.promise;
      return entry("fresh");
    });
    cache.invalidate({ tenantId: "another tenant" });
    cache.invalidate({ userId: "another user" });
    gate.resolve();
    await slow;
    let loads = 0;
    expect(await cache.get("k", async () => (loads++, entry("again")))).toBe("fresh");
    expect(loads).toBe(0);
  });

  it("drops by tenant, user or session, and everything when nothing is named; entries expire", async () => {
    const cache = new AuthCache<string>(1_000);
    const load = (v: string, tenantId: string, userId: string, sessionId: string) => async () => ({ value: v, keep: true, tenantId, userIds: [userId], sessionId });
    await cache.get("a", load("a", "t1", "u1", "s1"), 0);
    await cache.get("b", load("b", "t2", "u2", "s2"), 0);
    await cache.get("c", load("c", "t3", "u3", "s3"), 0);
    cache.invalidate({ userId: "u2" });
    expect(cache.size).toBe(2);
    cache.invalidate({ sessionId: "s3" });
    expect(cache.size).toBe(1);
    cache.invalidate({});
    expect(cache.size).toBe(0);
    let loads = 0;
    const counted = async () => (loads++, entry("x"));
    await cache.get("d", counted);
    await cache.get("d", counted);
    expect(loads).toBe(1);
    await cache.get("d", counted, Date.now() + 1_001);
    expect(loads).toBe(2);
  });
});

describe("sessions through the cache", () => {
  it("signing out everywhere refuses the cached session at once", async () => {
    const t = await createTestTenant("authcache-session");
    const user = t.users.AGENT;
    const sid = await startSession(user.id);
    const session = { user: { id: user.id, sid, epoch: 0 }, expires: new Date(Date.now() + 60_000).toISOString() };
    expect(await resolveSessionUser(session as never)).toMatchObject({ id: user.id });
    await signOutEverywhere(user.id);
    expect(await resolveSessionUser(session as never)).toBeNull();
  });
});
