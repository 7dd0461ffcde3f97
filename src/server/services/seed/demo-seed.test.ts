// The demo data a newcomer sees first: its history must read as history.
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { DEMO_TENANTS } from "./demo-data";
import { seedDemoIfEmpty } from "./demo-seed";

describe("demo seed", () => {
  it("puts nothing in the future: no case, message or timeline entry after the moment of seeding", { timeout: 120_000 }, async () => {
    await seedDemoIfEmpty(await getDatabase());
    const checkedAt = new Date();
    const found = await withPrivilegedDb("test check", async (db) => {
      const tenants = await db.tenant.findMany({ where: { slug: { in: DEMO_TENANTS.map((t) => t.slug) } }, select: { id: true } });
      const tenantId = { in: tenants.map((t) => t.id) };
      return {
        tenants: tenants.length,
        messages: await db.caseMessage.count({ where: { tenantId } }),
        future: {
          cases: await db.case.count({ where: { tenantId, OR: [{ createdAt: { gt: checkedAt } }, { firstRespondedAt: { gt: checkedAt } }, { resolvedAt: { gt: checkedAt } }] } }),
          messages: await db.caseMessage.count({ where: { tenantId, createdAt: { gt: checkedAt } } }),
          events: await db.caseEvent.count({ where: { tenantId, createdAt: { gt: checkedAt } } }),
          feed: await db.feedItem.count({ where: { tenantId, createdAt: { gt: checkedAt } } }),
        },
        pinned: await db.feedItem.count({ where: { tenantId, priority: "PINNED" } }),
      };
    });
    expect(found.tenants).toBe(DEMO_TENANTS.length);
    expect(found.messages).toBeGreaterThan(100);
    expect(found.future).toEqual({ cases: 0, messages: 0, events: 0, feed: 0 });
    expect(found.pinned).toBe(DEMO_TENANTS.length);
  });
});
