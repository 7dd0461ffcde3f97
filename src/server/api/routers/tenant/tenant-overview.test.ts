import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, createTestTenant } from "@/test/factories";

describe("tenant.overview", () => {
  it("counts by status, my open cases, SLA breaches and due soon, and cases per local day", async () => {
    const tenant = await createTestTenant("overview");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const now = Date.now();
    const DAY = 86_400_000;
    await withPrivilegedDb("test fixture", (db) =>
      db.case.createMany({
        data: [
          { tenantId: tenant.id, title: "Mine, breached", status: "OPEN", assigneeId: tenant.users.AGENT.id, resolutionDueAt: new Date(now - 60_000), createdAt: new Date(now - 2 * DAY) },
          { tenantId: tenant.id, title: "Mine, due soon", status: "PENDING", assigneeId: tenant.users.AGENT.id, resolutionDueAt: new Date(now + 3_600_000), createdAt: new Date(now - 2 * DAY) },
          { tenantId: tenant.id, title: "Mine, done", status: "RESOLVED", assigneeId: tenant.users.AGENT.id, resolutionDueAt: new Date(now - 60_000), createdAt: new Date(now) },
          { tenantId: tenant.id, title: "Unassigned", status: "NEW", createdAt: new Date(now) },
          { tenantId: tenant.id, title: "Too old for the chart", status: "CLOSED", createdAt: new Date(now - 40 * DAY) },
        ],
      }),
    );
    const overview = await agent.tenant.overview();
    expect(overview).toMatchObject({
      byStatus: { NEW: 1, OPEN: 1, PENDING: 1, SNOOZED: 0, RESOLVED: 1, CLOSED: 1 },
      myOpen: 2,
      slaBreached: 1,
      slaDueSoon: 1,
      timeZone: "UTC",
    });
    expect(overview.createdPerDay).toHaveLength(30);
    expect(overview.createdPerDay.reduce((sum, d) => sum + d.count, 0)).toBe(4);
    expect(overview.createdPerDay.at(-1)).toEqual({ date: new Date(now).toISOString().slice(0, 10), count: 2 });
  });
});
