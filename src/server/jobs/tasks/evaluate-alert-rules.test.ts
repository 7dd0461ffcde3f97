// The minute's schedule end to end: a slot is enqueued once however many runners notice it, its
// fan-out gives each tenant with an enabled rule one job for that minute, and running that
// minute again (a second fan-out, a retry) fires nothing more.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestAlertRule } from "@/test/alert-fixtures";
import { createTestCases, createTestTenant } from "@/test/factories";
import { defineRecurring } from "../define";
import { enqueue } from "../queue";
import { ensureRecurring } from "../recurring";
import { cancelOtherTenantsJobs, readJob, runOnly, uniqueType } from "../test-kit";
import { evaluateAlertRulesForTenantJob, evaluateAlertRulesJob } from "./evaluate-alert-rules";

describe("evaluate-alert-rules", () => {
  it("one slot, one tenant job per minute, one firing; the same minute again fires nothing", async () => {
    const [tenant, off] = await Promise.all([createTestTenant("eval-rules"), createTestTenant("eval-off")]);
    const ruleId = await createTestAlertRule(tenant, { name: "Any backlog", params: { threshold: 1 } });
    await createTestAlertRule(off, { name: "Disabled", params: { threshold: 1 }, enabled: false });
    await createTestCases(tenant, ["Waiting"]);
    await createTestCases(off, ["Waiting too"]);

    const task = defineRecurring({ name: uniqueType("evaluate").replace("test.", "r-"), cron: "* * * * *", type: evaluateAlertRulesJob.type });
    const now = new Date();
    const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const created = await Promise.all(Array.from({ length: 10 }, () => ensureRecurring([task], now)));
    expect(created.reduce((a, b) => a + b, 0)).toBe(1);

    await runOnly([evaluateAlertRulesJob.type]);
    const key = `alerts.evaluate-rules:${slot.toISOString()}`;
    const tenantJobs = () => withPrivilegedDb("test check", (db) => db.job.findMany({ where: { type: evaluateAlertRulesForTenantJob.type, dedupeKey: key, tenantId: { in: [tenant.id, off.id] } } }));
    expect((await tenantJobs()).map((j) => [j.tenantId, j.payload])).toEqual([[tenant.id, { slot: slot.toISOString() }]]);

    // The fan-out enqueued the minute for other files' tenants with rules too: this run is ours alone.
    await cancelOtherTenantsJobs(tenant, [evaluateAlertRulesForTenantJob.type]);
    // An earlier file's runner may have left the real schedule's fan-out for another minute
    // waiting; the run above took it too and gave this tenant a job for that minute as well,
    // which would fire the rule a second time. Only this test's minute runs.
    await withPrivilegedDb("test cleanup", (db) =>
      db.job.updateMany({
        where: { type: evaluateAlertRulesForTenantJob.type, tenantId: tenant.id, status: { in: ["PENDING", "FAILED"] }, NOT: { dedupeKey: key } },
        data: { status: "CANCELLED", finishedAt: new Date() },
      }),
    );
    await runOnly([evaluateAlertRulesForTenantJob.type]);
    expect((await tenantJobs())[0]).toMatchObject({ status: "SUCCEEDED", result: { evaluated: 1, fired: 1, skipped: 0 } });

    // The same minute enqueued again once the first run finished (a retried fan-out): nothing fires.
    const again = await enqueue(evaluateAlertRulesForTenantJob, { slot: slot.toISOString() }, { tenantId: tenant.id, dedupeKey: key });
    await runOnly([evaluateAlertRulesForTenantJob.type]);
    expect((await readJob(again)).result).toEqual({ evaluated: 0, fired: 0, skipped: 1 });
    const alerts = await withPrivilegedDb("test check", (db) => db.alert.findMany({ where: { tenantId: { in: [tenant.id, off.id] } } }));
    expect(alerts.map((a) => [a.dedupeKey, a.occurrences, a.source])).toEqual([[`rule:${ruleId}`, 1, "RULE"]]);
  });
});
