// The demo data a newcomer sees first: its history must read as history.
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { macroActionsSchema } from "@/lib/validations/macro";
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

  it("seeds macros the app accepts, each naming a team and members of its own tenant", async () => {
    await seedDemoIfEmpty(await getDatabase());
    const macros = await withPrivilegedDb("test check", (db) =>
      db.macro.findMany({ where: { tenant: { slug: { in: DEMO_TENANTS.map((t) => t.slug) } } }, select: { tenantId: true, actions: true } }),
    );
    expect(macros.length).toBe(3 * DEMO_TENANTS.length);
    for (const m of macros) {
      const actions = macroActionsSchema.parse(m.actions);
      if (actions.teamId) {
        const team = await withPrivilegedDb("test check", (db) => db.team.findFirst({ where: { id: actions.teamId! }, select: { tenantId: true, name: true } }));
        expect(team).toEqual({ tenantId: m.tenantId, name: "Billing" });
      }
    }
  });
});
