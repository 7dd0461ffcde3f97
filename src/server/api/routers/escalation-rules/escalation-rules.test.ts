// Escalation rules in settings: everyone who reads cases sees them; only settings managers change
// them; levels must be the tenant's and teams its own.
import { beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { createTestTeam } from "@/test/escalation-fixtures";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("rules"), createTestTenant("rules-other")]);
});

describe("escalation rules", () => {
  it("an admin creates, changes and deletes a rule; members who read cases list it", async () => {
    const teamId = await createTestTeam(tenant, "Night shift", [tenant.users.AGENT.id]);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const rule = await admin.escalationRules.create({ name: "  Urgent unassigned ", priority: "URGENT", unassignedMinutes: 15, level: "Tier 2", teamId });
    expect(rule).toMatchObject({ name: "Urgent unassigned", priority: "URGENT", unassignedMinutes: 15, level: "Tier 2", team: { id: teamId }, enabled: true });
    const changed = await admin.escalationRules.update({ id: rule.id, unassignedMinutes: 30, level: "Management", teamId: null, enabled: false });
    expect(changed).toMatchObject({ unassignedMinutes: 30, level: "Management", team: null, enabled: false, priority: "URGENT" });
    for (const role of ["VIEWER", "AGENT"] as const) {
      expect((await (await callerFor(tenant.users[role], tenant.slug)).escalationRules.list()).map((r) => r.id)).toEqual([rule.id]);
    }
    expect(await admin.escalationRules.delete({ id: rule.id })).toEqual({ id: rule.id });
    expect(await admin.escalationRules.list()).toEqual([]);
    await expectAppError(admin.escalationRules.delete({ id: rule.id }), "NOT_FOUND");
  });

  it("needs settings:manage to change rules", async () => {
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const rule = await owner.escalationRules.create({ name: "Any priority, a day", unassignedMinutes: 1440, level: "Management" });
    for (const role of ["AGENT", "VIEWER"] as const) {
      const caller = await callerFor(tenant.users[role], tenant.slug);
      await expectAppError(caller.escalationRules.create({ name: "Mine", unassignedMinutes: 5, level: "Tier 2" }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.escalationRules.update({ id: rule.id, enabled: false }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.escalationRules.delete({ id: rule.id }), "FORBIDDEN", "PERMISSION_DENIED");
    }
    await owner.escalationRules.delete({ id: rule.id });
  });

  it("refuses a level the tenant does not have and minutes out of range beside the fields; another tenant's team or rule is NOT_FOUND", async () => {
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const level = await expectAppError(admin.escalationRules.create({ name: "Odd", unassignedMinutes: 10, level: "Tier 7" }), "BAD_REQUEST");
    expect(level.details?.fieldErrors).toEqual({ level: ["Choose one of: Tier 2, Management"] });
    for (const unassignedMinutes of [0, 10_081, 1.5]) {
      const minutes = await expectAppError(admin.escalationRules.create({ name: "Odd", unassignedMinutes, level: "Tier 2" }), "BAD_REQUEST");
      expect(minutes.details?.fieldErrors).toHaveProperty("unassignedMinutes");
    }
    const theirTeam = await createTestTeam(other, "Theirs", []);
    await expectAppError(admin.escalationRules.create({ name: "Theirs", unassignedMinutes: 10, level: "Tier 2", teamId: theirTeam }), "NOT_FOUND");
    const theirRule = await (await callerFor(other.users.ADMIN, other.slug)).escalationRules.create({ name: "Theirs", unassignedMinutes: 10, level: "Tier 2" });
    await expectAppError(admin.escalationRules.update({ id: theirRule.id, enabled: false }), "NOT_FOUND");
    const mine = await admin.escalationRules.create({ name: "Mine", unassignedMinutes: 10, level: "Tier 2" });
    const bad = await expectAppError(admin.escalationRules.update({ id: mine.id, level: "Nope" }), "BAD_REQUEST");
    expect(bad.details?.fieldErrors).toHaveProperty("level");
    await expectAppError(admin.escalationRules.update({ id: mine.id, teamId: theirTeam }), "NOT_FOUND");
  });
});
