// The runs page's reading of the record: a run left RUNNING by a killed process is shown as
// interrupted once no attempt could still be going, and both filters find the right rows.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { INTERRUPTED_AFTER_MS } from "./agent-runs";

let tenant: TestTenant;
let ids: { running: string; interrupted: string; failed: string };

beforeAll(async () => {
  tenant = await createTestTenant("ai-runs-view");
  const now = Date.now();
  ids = await withPrivilegedDb("test fixture", async (db) => {
    const make = (outcome: "RUNNING" | "FAILED", ago: number) =>
      db.agentRun.create({ data: { tenantId: tenant.id, agent: "triage", agentVersion: 1, model: "m", outcome, createdAt: new Date(now - ago) }, select: { id: true } });
    return {
      running: (await make("RUNNING", 60_000)).id,
      interrupted: (await make("RUNNING", INTERRUPTED_AFTER_MS + 60_000)).id,
      failed: (await make("FAILED", 120_000)).id,
    };
  });
});

describe("AI runs as the page reads them", () => {
  it("shows a run still RUNNING long after it could have ended as interrupted, and filters by it", async () => {
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const all = await admin.ai.runs({});
    expect(Object.fromEntries(all.items.map((r) => [r.id, r.outcome]))).toEqual({ [ids.running]: "RUNNING", [ids.interrupted]: "INTERRUPTED", [ids.failed]: "FAILED" });
    expect((await admin.ai.runs({ outcome: "INTERRUPTED" })).items.map((r) => r.id)).toEqual([ids.interrupted]);
    expect((await admin.ai.runs({ outcome: "RUNNING" })).items.map((r) => r.id)).toEqual([ids.running]);
    expect((await admin.ai.run({ id: ids.interrupted })).outcome).toBe("INTERRUPTED");
  });
});
