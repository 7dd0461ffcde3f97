// The minute's evaluation on a real database: each kind fires at its boundary and not one case
// short of it; cool-down; a second firing is a recurrence; one minute evaluated twice (in turn or
// at once) fires once; disabled rules never fire.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createTestAlertRule } from "@/test/alert-fixtures";
import { createTestTeam } from "@/test/escalation-fixtures";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { evaluateAlertRules, ruleDedupeKey } from "./evaluate-rules";

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;
/** The minute evaluated: a whole minute, like a recurring slot. */
const slot = new Date(Math.floor(Date.now() / MINUTE) * MINUTE);
const ago = (minutes: number, from = slot) => new Date(from.getTime() - minutes * MINUTE);

let tenant: TestTenant;
beforeEach(async () => {
  tenant = await createTestTenant("alert-rules");
});

type CaseRow = Omit<Prisma.CaseCreateManyInput, "tenantId" | "title"> & { title?: string };
async function seed(rows: CaseRow[]): Promise<string[]> {
  const made = await withPrivilegedDb("test fixture", (db) =>
    db.case.createManyAndReturn({ data: rows.map((r, i) => ({ tenantId: tenant.id, title: `Case ${i}`, ...r })), select: { id: true } }),
  );
  return made.map((c) => c.id);
}
const times = (n: number, row: CaseRow) => Array.from({ length: n }, () => ({ ...row }));

const evaluate = (at = slot) => withTenantDb(tenant.id, (db) => evaluateAlertRules(db, at));
const alertOf = (ruleId: string) =>
  withPrivilegedDb("test check", (db) => db.alert.findFirst({ where: { tenantId: tenant.id, dedupeKey: ruleDedupeKey(ruleId) } }));
const rule = (data: Parameters<typeof createTestAlertRule>[1]) => createTestAlertRule(tenant, { cooldownMinutes: 0, ...data });

describe("VOLUME_SPIKE", () => {
  it("fires above mean + z·stddev of the same hour over 4 weeks, not at it", async () => {
    // Baseline 2, 4, 2, 4: mean 3, stddev 1; z 3 → above 6.
    for (const [k, n] of [[1, 2], [2, 4], [3, 2], [4, 4]] as const) await seed(times(n, { createdAt: ago(30, new Date(slot.getTime() - k * WEEK)) }));
    // Outside every window: the hour before each baseline hour, and 61 minutes ago.
    await seed([{ createdAt: ago(90, new Date(slot.getTime() - WEEK)) }, { createdAt: ago(61) }]);
    const teamId = await createTestTeam(tenant, "Night", []);
    const id = await rule({ name: "Spike", kind: "VOLUME_SPIKE", params: { zScore: 3, minCount: 5 }, severity: "CRITICAL", teamId });
    await seed(times(6, { createdAt: ago(30) }));
    expect(await evaluate()).toEqual({ evaluated: 1, fired: 0, skipped: 0 });
    expect(await alertOf(id)).toBeNull();

    const seventh = await seed([{ createdAt: ago(1, ago(-1)) }]); // within the next minute's hour
    expect((await evaluate(ago(-1))).fired).toBe(1);
    const alert = await alertOf(id);
    expect(alert).toMatchObject({ title: "Spike: 7 cases in the last hour (usual 3)", source: "RULE", severity: "CRITICAL", teamId, occurrences: 1, status: "ACTIVE" });
    expect(alert!.relatedCaseIds).toHaveLength(7);
    expect(alert!.relatedCaseIds[0]).toBe(seventh[0]);
    expect(alert!.description).toContain("averaged 3.0");
  });

  it("needs minCount even over an empty baseline, and only counts its scope", async () => {
    const id = await rule({ name: "Refunds", kind: "VOLUME_SPIKE", params: { zScore: 3, minCount: 5, scope: { tag: "refund", channel: "EMAIL" } } });
    await seed(times(4, { createdAt: ago(10), tags: ["refund"], channel: "EMAIL" }));
    await seed(times(3, { createdAt: ago(10), tags: ["refund"], channel: "CHAT" }));
    await seed(times(3, { createdAt: ago(10), channel: "EMAIL" }));
    expect((await evaluate()).fired).toBe(0);
    await seed([{ createdAt: ago(5), tags: ["refund", "vip"], channel: "EMAIL" }]);
    expect((await evaluate(ago(-1))).fired).toBe(1);
    expect((await alertOf(id))!.title).toBe("Refunds: 5 cases in the last hour (usual 0)");
  });
});

describe("SLA_BREACHES", () => {
  it("fires at N cases whose first response or resolution came due unmet in the window", async () => {
    const id = await rule({ name: "SLA", kind: "SLA_BREACHES", params: { threshold: 3, windowMinutes: 60 } });
    await seed([
      { resolutionDueAt: ago(10) },
      { resolutionDueAt: ago(50), resolvedAt: ago(5), status: "RESOLVED" }, // met late: still a breach at its due time
      { resolutionDueAt: ago(20), resolvedAt: ago(30), status: "RESOLVED" }, // met in time
      { resolutionDueAt: ago(70) }, // before the window
      { resolutionDueAt: ago(-10) }, // not due yet
      { firstResponseDueAt: ago(15), firstRespondedAt: ago(16) }, // answered in time
    ]);
    expect((await evaluate()).fired).toBe(0);
    const [late] = await seed([{ firstResponseDueAt: ago(5), resolutionDueAt: ago(4) }]); // both lapsed: one case
    expect((await evaluate(ago(-1))).fired).toBe(1);
    const alert = await alertOf(id);
    expect(alert!.title).toBe("SLA: 3 SLA breaches in the last 60 minutes");
    expect(alert!.relatedCaseIds).toContain(late);
  });
});

describe("UNASSIGNED_AGE", () => {
  it("fires at N open unassigned cases older than M minutes", async () => {
    const id = await rule({ name: "Waiting", kind: "UNASSIGNED_AGE", params: { minutes: 30, threshold: 2 } });
    await seed([
      { createdAt: ago(40) },
      { createdAt: ago(20) }, // too young
      { createdAt: ago(40), assigneeId: tenant.users.AGENT.id },
      { createdAt: ago(40), status: "RESOLVED", resolvedAt: ago(1) },
      { createdAt: ago(40), status: "CLOSED", closedAt: ago(1) },
    ]);
    expect((await evaluate()).fired).toBe(0);
    await seed([{ createdAt: ago(29), status: "SNOOZED" }]); // 29 minutes old: not yet
    expect((await evaluate()).fired).toBe(0);
    // A minute later it is exactly 30 minutes old, and counts: 2 cases.
    expect((await evaluate(ago(-1))).fired).toBe(1);
    expect((await alertOf(id))!.title).toBe("Waiting: 2 cases unassigned for over 30 minutes");
  });
});

describe("BACKLOG", () => {
  it("fires at N open cases, optionally of one business unit or team", async () => {
    const teamId = await createTestTeam(tenant, "Billing", []);
    const all = await rule({ name: "Backlog", kind: "BACKLOG", params: { threshold: 3 } });
    const team = await rule({ name: "Billing backlog", kind: "BACKLOG", params: { threshold: 2, teamId } });
    await seed([{ status: "OPEN", teamId }, { status: "PENDING" }, { status: "CLOSED", teamId }, { status: "RESOLVED" }]);
    expect((await evaluate()).fired).toBe(0);
    await seed([{ status: "NEW", teamId }]);
    expect((await evaluate(ago(-1))).fired).toBe(2);
    expect((await alertOf(all))!.title).toBe("Backlog: 3 open cases in the backlog");
    expect((await alertOf(team))!.relatedCaseIds).toHaveLength(2);
  });
});

describe("KEYWORD", () => {
  it("fires on a phrase in a case created since the last evaluation, case-insensitively, wildcards taken literally", async () => {
    const id = await rule({ name: "Outage", kind: "KEYWORD", params: { phrases: ["outage", "50%_off"] } });
    await seed([{ title: "Price 500 off", createdAt: ago(2) }, { title: "Price 50%Xoff", createdAt: ago(2) }, { title: "Old OUTAGE", createdAt: ago(61) }]);
    expect((await evaluate()).fired).toBe(0);
    const [hit] = await seed([{ title: "Help", description: "Total OUTAGE in Berlin", createdAt: ago(-0.5) }]);
    expect((await evaluate(ago(-1))).fired).toBe(1);
    const alert = await alertOf(id);
    expect(alert).toMatchObject({ title: 'Outage: 1 new case mentions "outage" or "50%_off"', relatedCaseIds: [hit] });
    // The next minute looks only at cases since: the same case does not fire again.
    expect((await evaluate(ago(-2))).fired).toBe(0);
    await seed([{ title: "Coupon 50%_off broken", createdAt: ago(-2.5) }]);
    expect((await evaluate(ago(-3))).fired).toBe(1);
    expect((await alertOf(id))!.occurrences).toBe(2);
  });
});

describe("firing", () => {
  it("keeps quiet during the cool-down, then recurs on the same alert (reopening a resolved one)", async () => {
    const id = await createTestAlertRule(tenant, { name: "Backlog", kind: "BACKLOG", params: { threshold: 1 }, cooldownMinutes: 30 });
    await seed([{ status: "OPEN" }]);
    expect((await evaluate()).fired).toBe(1);
    expect((await evaluate(ago(-29))).fired).toBe(0);
    const first = await alertOf(id);
    expect(first!.occurrences).toBe(1);
    await withPrivilegedDb("test fixture", (db) => db.alert.updateMany({ where: { id: first!.id }, data: { status: "RESOLVED", resolvedAt: new Date() } }));
    expect((await evaluate(ago(-30))).fired).toBe(1);
    expect(await alertOf(id)).toMatchObject({ id: first!.id, occurrences: 2, status: "ACTIVE", resolvedAt: null });
    const stored = await withPrivilegedDb("test check", (db) => db.alertRule.findFirstOrThrow({ where: { id } }));
    expect(stored).toMatchObject({ lastFiredAt: ago(-30), lastEvaluatedAt: ago(-30) });
  });

  it("evaluates a minute once: twice in turn or at once, one firing", async () => {
    const id = await rule({ name: "Backlog", kind: "BACKLOG", params: { threshold: 1 } });
    await seed([{ status: "OPEN" }]);
    expect(await evaluate()).toEqual({ evaluated: 1, fired: 1, skipped: 0 });
    expect(await evaluate()).toEqual({ evaluated: 0, fired: 0, skipped: 1 });
    const next = ago(-1);
    const results = await Promise.all([evaluate(next), evaluate(next)]);
    expect(results.map((r) => r.fired).sort()).toEqual([0, 1]);
    expect((await alertOf(id))!.occurrences).toBe(2);
    // An older minute arriving late (a retried job) changes nothing either.
    expect((await evaluate()).fired).toBe(0);
  });

  it("never fires a disabled rule", async () => {
    const id = await rule({ name: "Off", kind: "BACKLOG", params: { threshold: 1 }, enabled: false });
    await seed([{ status: "OPEN" }]);
    expect(await evaluate()).toEqual({ evaluated: 0, fired: 0, skipped: 0 });
    expect(await alertOf(id)).toBeNull();
  });

  it("routes to the rule's assignee and business unit", async () => {
    const id = await rule({ name: "Routed", kind: "BACKLOG", params: { threshold: 1 }, assigneeId: tenant.users.AGENT.id, businessUnit: `bu-${randomUUID().slice(0, 4)}` });
    await seed([{ status: "OPEN" }]);
    await evaluate();
    const alert = await alertOf(id);
    expect(alert).toMatchObject({ assigneeId: tenant.users.AGENT.id, source: "RULE" });
    expect(alert!.businessUnit).toMatch(/^bu-/);
  });
});
