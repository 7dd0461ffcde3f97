// One alert in full (alerts.get): its occurrence history, kept to the latest firings; the related
// cases that still exist; the rule that fired it, only while it is the tenant's; and its timeline.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestAlert, createTestAlertRule } from "@/test/alert-fixtures";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { ALERT_FIRINGS_KEPT } from "./fire-alert";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenant: TestTenant;
let other: TestTenant;
let agent: Caller;
let viewer: Caller;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("alert-detail"), createTestTenant("alert-detail-other")]);
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
});

describe("alerts.get", () => {
  it("records each firing, names the related cases and tells the alert's story newest first", async () => {
    const [a, b] = await createTestCases(tenant, ["Refund for order 1", "Refund for order 2"]);
    const dedupeKey = `detail-${randomUUID()}`;
    const { alert } = await agent.alerts.create({ title: "Refunds", dedupeKey, relatedCaseIds: [b!.id, a!.id] });
    await agent.alerts.create({ title: "Refunds", dedupeKey });
    await agent.alerts.create({ title: "Refunds", dedupeKey });
    await agent.alerts.acknowledge({ id: alert.id });
    await agent.alerts.resolve({ id: alert.id, note: "Payment provider fixed" });

    const detail = await viewer.alerts.get({ id: alert.id });
    expect(detail.occurrences).toBe(3);
    expect(detail.firings).toHaveLength(3);
    expect(detail.firings.map((d) => d.getTime())).toEqual([...detail.firings.map((d) => d.getTime())].sort((x, y) => x - y));
    expect(detail.firings.at(-1)).toEqual(detail.lastFiredAt);
    expect(detail.relatedCases.map((c) => [c.id, c.title])).toEqual([
      [b!.id, "Refund for order 2"],
      [a!.id, "Refund for order 1"],
    ]);
    expect(detail.rule).toBeNull();
    expect(detail.timeline.map((e) => e.action)).toEqual(["alert.resolved", "alert.acknowledged", "alert.recurred", "alert.recurred", "alert.created"]);
    expect(detail.timeline[0]).toMatchObject({ note: "Payment provider fixed", actor: { type: "user", name: tenant.users.AGENT.name } });
    expect(detail.timeline[1]!.note).toBeNull();
  });

  it(`keeps the latest ${ALERT_FIRINGS_KEPT} firings while the count goes on`, async () => {
    const dedupeKey = `capped-${randomUUID()}`;
    const { alert } = await agent.alerts.create({ title: "Flapping", dedupeKey });
    const old = Array.from({ length: ALERT_FIRINGS_KEPT }, (_, i) => new Date(Date.UTC(2026, 0, 1, 0, i)));
    await withPrivilegedDb("test fixture", (db) => db.alert.update({ where: { tenantId_id: { tenantId: tenant.id, id: alert.id } }, data: { firings: old, occurrences: 500 } }));
    const { alert: again } = await agent.alerts.create({ title: "Flapping", dedupeKey });
    const detail = await agent.alerts.get({ id: alert.id });
    expect(again.occurrences).toBe(501);
    expect(detail.firings).toHaveLength(ALERT_FIRINGS_KEPT);
    expect(detail.firings[0]).toEqual(old[1]);
    expect(detail.firings.at(-1)).toEqual(again.lastFiredAt);
  });

  it("leaves out a related case that was deleted", async () => {
    const [kept, gone] = await createTestCases(tenant, ["Kept", "Gone"]);
    const { alert } = await agent.alerts.create({ title: "Two cases", relatedCaseIds: [kept!.id, gone!.id] });
    await withPrivilegedDb("test fixture", (db) => db.case.delete({ where: { tenantId_id: { tenantId: tenant.id, id: gone!.id } } }));
    const detail = await agent.alerts.get({ id: alert.id });
    expect(detail.relatedCaseIds).toEqual([kept!.id, gone!.id]);
    expect(detail.relatedCases.map((c) => c.id)).toEqual([kept!.id]);
  });

  it("names the rule that fired it while the rule is the tenant's, and never another tenant's", async () => {
    const ruleId = await createTestAlertRule(tenant, { name: "Refund backlog", kind: "BACKLOG", params: { threshold: 25, businessUnit: "Retail" } });
    const fromRule = await createTestAlert(tenant, { source: "RULE", dedupeKey: `rule:${ruleId}` });
    expect((await agent.alerts.get({ id: fromRule })).rule).toEqual({
      id: ruleId,
      name: "Refund backlog",
      condition: { kind: "BACKLOG", params: { threshold: 25, businessUnit: "Retail" } },
    });

    // A key that names another tenant's rule (as raw SQL or an old row could) shows no rule.
    const theirRule = await createTestAlertRule(other, { name: "Theirs" });
    const forged = await createTestAlert(tenant, { source: "RULE", dedupeKey: `rule:${theirRule}` });
    expect((await agent.alerts.get({ id: forged })).rule).toBeNull();
    // Nor does a script's alert whose key merely looks like a rule's: only the rule's own source counts.
    const otherRule = await createTestAlertRule(tenant);
    const lookalike = await createTestAlert(tenant, { source: "API", dedupeKey: `rule:${otherRule}` });
    expect((await agent.alerts.get({ id: lookalike })).rule).toBeNull();

    await withPrivilegedDb("test fixture", (db) => db.alertRule.delete({ where: { tenantId_id: { tenantId: tenant.id, id: ruleId } } }));
    expect((await agent.alerts.get({ id: fromRule })).rule).toBeNull();
  });

  it("is NOT_FOUND for another tenant's alert", async () => {
    const theirs = await createTestAlert(other, { title: "Their alert" });
    await expectAppError(agent.alerts.get({ id: theirs }), "NOT_FOUND");
  });
});
