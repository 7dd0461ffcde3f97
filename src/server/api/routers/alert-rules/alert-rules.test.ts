// Alert rules in settings: settings managers create, change, delete and test them; everyone who
// reads alerts lists them; params are checked per kind (errors beside the field), and everything
// a rule names must be the tenant's own. `test` replays the last 7 days without creating alerts.
import { beforeAll, describe, expect, it } from "vitest";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { createTestTeam } from "@/test/escalation-fixtures";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";

const HOUR = 3_600_000;
let tenant: TestTenant;
let other: TestTenant;
type Admin = Awaited<ReturnType<typeof callerFor>>;
let admin: Admin;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("alert-rules"), createTestTenant("alert-rules-other")]);
  await withPrivilegedDb("test fixture", (db) =>
    db.tenant.update({ where: { id: tenant.id }, data: { settings: tenantSettingsSchema.parse({ businessUnits: ["Retail", "Wholesale"] }) } }),
  );
  admin = await callerFor(tenant.users.ADMIN, tenant.slug);
});

describe("alert rules", () => {
  it("an admin creates, changes and deletes a rule; members who read alerts list it; others may not change it", async () => {
    const teamId = await createTestTeam(tenant, "Ops", []);
    const rule = await admin.alertRules.create({
      name: " Refund spike ",
      kind: "VOLUME_SPIKE",
      params: { scope: { tag: "refund", businessUnit: "Retail" } },
      severity: "CRITICAL",
      businessUnit: "Retail",
      teamId,
      assigneeId: tenant.users.AGENT.id,
    });
    expect(rule).toMatchObject({
      name: "Refund spike",
      kind: "VOLUME_SPIKE",
      params: { scope: { tag: "refund", businessUnit: "Retail" }, zScore: 3, minCount: 10 },
      enabled: true,
      cooldownMinutes: 30,
      team: { id: teamId },
      assignee: { id: tenant.users.AGENT.id },
      lastFiredAt: null,
    });
    const changed = await admin.alertRules.update({ id: rule.id, params: { zScore: 4, minCount: 3 }, enabled: false, teamId: null });
    expect(changed).toMatchObject({ params: { zScore: 4, minCount: 3, scope: {} }, enabled: false, team: null });
    const rekinded = await admin.alertRules.update({ id: rule.id, kind: "BACKLOG", params: { threshold: 100 } });
    expect(rekinded).toMatchObject({ kind: "BACKLOG", params: { threshold: 100 } });
    for (const role of ["VIEWER", "AGENT"] as const) {
      const caller = await callerFor(tenant.users[role], tenant.slug);
      expect((await caller.alertRules.list()).map((r) => r.id)).toContain(rule.id);
      await expectAppError(caller.alertRules.create({ name: "Mine", kind: "BACKLOG", params: { threshold: 1 } }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.alertRules.update({ id: rule.id, enabled: true }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.alertRules.delete({ id: rule.id }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.alertRules.test({ id: rule.id }), "FORBIDDEN", "PERMISSION_DENIED");
    }
    await expectAppError(admin.alertRules.create({ name: "Refund spike", kind: "BACKLOG", params: { threshold: 1 } }), "CONFLICT");
    const audit = await withPrivilegedDb("test check", (db) => db.auditEvent.findMany({ where: { tenantId: tenant.id, targetId: rule.id }, select: { action: true } }));
    expect(audit.map((a) => a.action).sort()).toEqual(["alert_rule.created", "alert_rule.updated", "alert_rule.updated"]);
    expect(await admin.alertRules.delete({ id: rule.id })).toEqual({ id: rule.id });
    await expectAppError(admin.alertRules.delete({ id: rule.id }), "NOT_FOUND");
  });

  it("refuses bad params per kind beside the field", async () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ["VOLUME_SPIKE", { zScore: 11 }, "params.zScore"],
      ["VOLUME_SPIKE", { minCount: 0 }, "params.minCount"],
      ["VOLUME_SPIKE", { scope: { channel: "PIGEON" } }, "params.scope.channel"],
      ["SLA_BREACHES", { threshold: 0 }, "params.threshold"],
      ["SLA_BREACHES", { threshold: 2, windowMinutes: 20_000 }, "params.windowMinutes"],
      ["UNASSIGNED_AGE", { threshold: 2 }, "params.minutes"],
      ["BACKLOG", { threshold: "many" }, "params.threshold"],
      ["BACKLOG", { threshold: 1, teamId: "nope" }, "params.teamId"],
      ["KEYWORD", { phrases: [] }, "params.phrases"],
      ["KEYWORD", { phrases: Array.from({ length: 21 }, (_, i) => `phrase ${i}`) }, "params.phrases"],
    ];
    for (const [kind, params, field] of bad) {
      const error = await expectAppError(admin.alertRules.create({ name: "Bad", kind: kind as "BACKLOG", params }), "BAD_REQUEST");
      expect(Object.keys(error.details?.fieldErrors ?? {}), `${kind} ${JSON.stringify(params)}`).toContain(field);
    }
    const unit = await expectAppError(admin.alertRules.create({ name: "Bad", kind: "BACKLOG", params: { threshold: 1, businessUnit: "Nowhere" } }), "BAD_REQUEST");
    expect(Object.keys(unit.details?.fieldErrors ?? {})).toEqual(["params.businessUnit"]);
    const own = await expectAppError(admin.alertRules.create({ name: "Bad", kind: "BACKLOG", params: { threshold: 1 }, businessUnit: "Nowhere" }), "BAD_REQUEST");
    expect(Object.keys(own.details?.fieldErrors ?? {})).toEqual(["businessUnit"]);
    const rule = await admin.alertRules.create({ name: "Spiky", kind: "VOLUME_SPIKE", params: {} });
    // Params alone are checked against the rule's own kind.
    const update = await expectAppError(admin.alertRules.update({ id: rule.id, params: { zScore: 0 } }), "BAD_REQUEST");
    expect(Object.keys(update.details?.fieldErrors ?? {})).toEqual(["params.zScore"]);
    const kindAlone = await expectAppError(admin.alertRules.update({ id: rule.id, kind: "BACKLOG" }), "BAD_REQUEST");
    expect(Object.keys(kindAlone.details?.fieldErrors ?? {})).toEqual(["params"]);
  });

  it("names only the tenant's own teams, members and rules", async () => {
    const theirTeam = await createTestTeam(other, "Theirs", []);
    await expectAppError(admin.alertRules.create({ name: "X", kind: "BACKLOG", params: { threshold: 1 }, teamId: theirTeam }), "NOT_FOUND");
    await expectAppError(admin.alertRules.create({ name: "X", kind: "BACKLOG", params: { threshold: 1, teamId: theirTeam } }), "NOT_FOUND");
    await expectAppError(admin.alertRules.create({ name: "X", kind: "BACKLOG", params: { threshold: 1 }, assigneeId: other.users.AGENT.id }), "NOT_FOUND");
    const viewer = await expectAppError(admin.alertRules.create({ name: "X", kind: "BACKLOG", params: { threshold: 1 }, assigneeId: tenant.users.VIEWER.id }), "BAD_REQUEST");
    expect(viewer.details?.fieldErrors).toHaveProperty("assigneeId");
    const theirs = await (await callerFor(other.users.ADMIN, other.slug)).alertRules.create({ name: "Theirs", kind: "BACKLOG", params: { threshold: 1 } });
    await expectAppError(admin.alertRules.update({ id: theirs.id, enabled: false }), "NOT_FOUND");
    await expectAppError(admin.alertRules.test({ id: theirs.id }), "NOT_FOUND");
    await expectAppError(admin.alertRules.delete({ id: theirs.id }), "NOT_FOUND");
  });
});

describe("alertRules.test", () => {
  let replay: TestTenant;
  let owner: Admin;
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  /** The hour boundary `n` hours before the current one. */
  const point = (n: number) => new Date(hour - n * HOUR);

  beforeAll(async () => {
    replay = await createTestTenant("alert-rules-replay");
    owner = await callerFor(replay.users.OWNER, replay.slug);
    const at = (hours: number, minutes: number) => new Date(hour - hours * HOUR + minutes * 60_000);
    await withPrivilegedDb("test fixture", (db) =>
      db.case.createMany({
        data: [
          // 8 cases in the hour before point(5); nothing in the same hour of the 4 weeks before.
          ...Array.from({ length: 8 }, (_, i) => ({ tenantId: replay.id, title: `Spike ${i}`, status: "RESOLVED" as const, createdAt: at(6, 10 + i), resolvedAt: at(6, 30), assigneeId: replay.users.AGENT.id })),
          // 3 in the hour before point(30): below minCount 5.
          ...Array.from({ length: 3 }, (_, i) => ({ tenantId: replay.id, title: `Quiet ${i}`, status: "CLOSED" as const, createdAt: at(31, 10 + i), closedAt: at(31, 40), assigneeId: replay.users.AGENT.id })),
          // Open and unassigned since 9½ hours before the current hour; one phrase in it.
          { tenantId: replay.id, title: "Payment OUTAGE", createdAt: at(10, 30) },
          // Seen on old data only: 20 days ago, ended 19 days ago.
          { tenantId: replay.id, title: "Ancient", status: "CLOSED" as const, createdAt: new Date(hour - 20 * 24 * HOUR), closedAt: new Date(hour - 19 * 24 * HOUR) },
        ],
      }),
    );
  });

  it("finds the spike hour of the last 7 days, with its cases, and nothing below minCount", async () => {
    const started = performance.now();
    const result = await owner.alertRules.test({ rule: { kind: "VOLUME_SPIKE", params: { zScore: 3, minCount: 5 } } });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.evaluatedPoints).toBe(168);
    expect(result.firings).toHaveLength(1);
    expect(result.firings[0]).toMatchObject({ at: point(5), value: 8, baseline: 0 });
    expect(result.firings[0]!.sampleCaseIds).toHaveLength(8);
    const alerts = await withPrivilegedDb("test check", (db) => db.alert.count({ where: { tenantId: replay.id } }));
    expect(alerts).toBe(0);
  });

  it("replays backlog, unassigned age and keywords hour by hour, with the cool-down", async () => {
    // The open case counts from point(9) on: 10 points.
    const backlog = await owner.alertRules.test({ rule: { kind: "BACKLOG", params: { threshold: 1 }, cooldownMinutes: 0 } });
    expect(backlog.firings.map((f) => f.at)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map(point));
    // The spike's cases were open (resolved 20 minutes later) only between points: never at one.
    expect(backlog.firings.every((f) => f.value === 1)).toBe(true);
    const cooled = await owner.alertRules.test({ rule: { kind: "BACKLOG", params: { threshold: 1 }, cooldownMinutes: 180 } });
    expect(cooled.firings.map((f) => f.at)).toEqual([9, 6, 3, 0].map(point));
    const unassigned = await owner.alertRules.test({ rule: { kind: "UNASSIGNED_AGE", params: { minutes: 120, threshold: 1 }, cooldownMinutes: 0 } });
    expect(unassigned.firings.map((f) => f.at)).toEqual([7, 6, 5, 4, 3, 2, 1, 0].map(point));
    const keyword = await owner.alertRules.test({ rule: { kind: "KEYWORD", params: { phrases: ["outage"] } } });
    expect(keyword.firings).toMatchObject([{ at: point(9), value: 1 }]);
    const sla = await owner.alertRules.test({ rule: { kind: "SLA_BREACHES", params: { threshold: 1 } } });
    expect(sla.firings).toEqual([]);
    const saved = await owner.alertRules.create({ name: "Saved", kind: "KEYWORD", params: { phrases: ["outage"] } });
    expect((await owner.alertRules.test({ id: saved.id })).firings).toHaveLength(1);
    await expectAppError(owner.alertRules.test({}), "BAD_REQUEST");
  });
});
