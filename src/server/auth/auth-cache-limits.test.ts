// The credential cache at its edges: how many invalidations it remembers for lookups under way,
// an invalidation made outside any transaction, a change the bus could not announce, and the
// process's bus replaced (messages may have been lost meanwhile).
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { deferred } from "@/server/jobs/test-kit";
import { logger } from "@/server/logger";
import { closeBus, getBus, type BusMessage } from "@/server/realtime/bus";
import { createTestApiKey, createTestTenant } from "@/test/factories";
import { authenticateApiKey, hashApiKey } from "./api-keys";
import { apiKeyCache, AuthCache, invalidateAuth } from "./auth-cache";

/** A lookup that loads only once `during` has run: whether the cache kept its value. */
async function keptAfter(cache: AuthCache<string>, during: () => void): Promise<boolean> {
  const gate = deferred();
  const pending = cache.get("k", async () => {
    await gate.promise;
    return { value: "loaded", keep: true, tenantId: "t1", userIds: ["u1"], sessionId: "s1" };
  });
  during();
  gate.resolve();
  await pending;
  return cache.has("k");
}

describe("AuthCache: invalidations remembered", () => {
  it("built with the defaults, remembers 1,000 invalidations: a lookup that outlasted that many unrelated ones is kept, one more and it is not", async () => {
    const invalidations = (cache: AuthCache<string>, n: number) => () => {
      for (let i = 0; i < n; i++) cache.invalidate({ tenantId: `another tenant ${i}` });
    };
    const [first, second] = [new AuthCache<string>(), new AuthCache<string>()];
    expect(await keptAfter(first, invalidations(first, 1_000))).toBe(true);
    expect(await keptAfter(second, invalidations(second, 1_001))).toBe(false);
  });
});

describe("invalidateAuth outside any transaction, and when the bus cannot announce", () => {
  it("applies at once outside any transaction, here and on the bus", async () => {
    const t = await createTestTenant("authcache-now");
    const key = await createTestApiKey(t);
    await authenticateApiKey(key);
    expect(apiKeyCache.has(hashApiKey(key))).toBe(true);
    const messages: BusMessage[] = [];
    const off = getBus().subscribe((m) => void (m.type === "auth" && m.tenantId === t.id && messages.push(m)));
    try {
      invalidateAuth({ tenantId: t.id });
      expect(apiKeyCache.has(hashApiKey(key))).toBe(false);
      await vi.waitFor(() => expect(messages).toEqual([{ type: "auth", tenantId: t.id, userId: null, sessionId: null }]));
    } finally {
      off();
    }
  });

  it("warns when the bus could not announce a change (other instances keep it until their entries expire), and only then", async () => {
    const tenantId = randomUUID();
    const warn = vi.spyOn(logger, "warn").mockImplementation((() => undefined) as never);
    // The bus refusing this tenant's first message, as a networked bus does while its server is
    // out of reach. Anything else the process publishes meanwhile (jobs, events of other tests'
    // data) goes through and is not counted: only this tenant's messages are.
    const bus = getBus();
    const deliver = bus.publish.bind(bus);
    const ours = (m: BusMessage) => m.type === "auth" && m.tenantId === tenantId;
    let refused = false;
    const publish = vi.spyOn(bus, "publish").mockImplementation(async (m) => {
      if (!ours(m) || refused) return deliver(m);
      refused = true;
      return false;
    });
    const announced = () => publish.mock.calls.filter(([m]) => ours(m));
    const warnings = () => warn.mock.calls.filter(([fields]) => (fields as { tenantId?: string } | undefined)?.tenantId === tenantId);
    try {
      invalidateAuth({ tenantId });
      await vi.waitFor(() => expect(warnings()).toHaveLength(1));
      expect(String(warnings()[0]![1])).toMatch(/not announced/);
      invalidateAuth({ tenantId });
      await vi.waitFor(() => expect(announced()).toHaveLength(2));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warnings()).toHaveLength(1);
    } finally {
      publish.mockRestore();
      warn.mockRestore();
    }
  });
});

describe("the process's bus replaced", () => {
  it("forgets what was cached meanwhile: a key revoked while messages could be lost is refused", async () => {
    const t = await createTestTenant("authcache-newbus");
    const key = await createTestApiKey(t);
    expect((await authenticateApiKey(key)).ok).toBe(true);
    // Revoked unannounced, as if the announcement had been lost while the bus was replaced.
    await withPrivilegedDb("test fixture", (db) => db.apiKey.updateMany({ where: { tenantId: t.id }, data: { revokedAt: new Date() } }));
    await closeBus();
    expect(await authenticateApiKey(key)).toEqual({ ok: false, reason: "REVOKED" });
  });
});
