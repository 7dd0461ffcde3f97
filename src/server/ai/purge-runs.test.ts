// Retention: runs older than 90 days go across tenants, in bounded batches, with their days' usage
// rows; recent ones and today's usage stay.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestTenant } from "@/test/factories";
import { AGENT_RUN_RETENTION_DAYS, purgeOldAgentRuns } from "./purge-runs";

const DAY = 86_400_000;

describe("purgeOldAgentRuns", () => {
  it("deletes old runs in batches and their usage days, keeping recent ones", async () => {
    const [a, b] = await Promise.all([createTestTenant("ai-purge-a"), createTestTenant("ai-purge-b")]);
    const old = new Date(Date.now() - (AGENT_RUN_RETENTION_DAYS + 5) * DAY);
    const recent = new Date(Date.now() - DAY);
    await withPrivilegedDb("test fixture", async (db) => {
      for (const t of [a, b]) {
        for (let i = 0; i < 3; i++) await db.agentRun.create({ data: { tenantId: t.id, agent: "triage", agentVersion: 1, model: "m", outcome: "SUCCEEDED", createdAt: old } });
        await db.agentRun.create({ data: { tenantId: t.id, agent: "triage", agentVersion: 1, model: "m", outcome: "SUCCEEDED", createdAt: recent } });
        await db.aiUsage.create({ data: { tenantId: t.id, day: new Date(old.toISOString().slice(0, 10)), tokens: 30 } });
        await db.aiUsage.create({ data: { tenantId: t.id, day: new Date(recent.toISOString().slice(0, 10)), tokens: 10 } });
      }
    });
    const first = await withPrivilegedDb("test purge", (db) => purgeOldAgentRuns(db, { batch: 4 }));
    expect(first).toEqual({ deleted: 4, more: true });
    const second = await withPrivilegedDb("test purge", (db) => purgeOldAgentRuns(db, { batch: 4 }));
    expect(second.deleted).toBeGreaterThanOrEqual(2);
    expect(second.more).toBe(false);
    const left = await withPrivilegedDb("test read", async (db) => ({
      runs: await db.agentRun.findMany({ where: { tenantId: { in: [a.id, b.id] } }, select: { createdAt: true } }),
      usage: await db.aiUsage.findMany({ where: { tenantId: { in: [a.id, b.id] } }, select: { tokens: true } }),
    }));
    expect(left.runs.map((r) => r.createdAt)).toEqual([recent, recent]);
    expect(left.usage.map((u) => u.tokens)).toEqual([10, 10]);
  });
});
