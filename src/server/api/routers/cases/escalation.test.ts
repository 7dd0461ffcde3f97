// Escalation: a case goes to one of the tenant's levels with a reason (optionally a team, a
// business unit and a priority); the header fields, the timeline and the target team's inboxes
// show it; de-escalation is recorded; bad levels and units are field errors.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { createTestTeam } from "@/test/escalation-fixtures";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;

const inboxOf = async (role: keyof TestTenant["users"]) => (await callerFor(tenant.users[role], tenant.slug)).notifications.list({ limit: 50 });

beforeAll(async () => {
  tenant = await createTestTenant("escalate");
  await withPrivilegedDb("test fixture", async (db) => {
    const row = await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select: { settings: true } });
    const settings = { ...(row.settings as object), businessUnits: ["Retail", "Wholesale"], escalationLevels: ["Tier 2", "Management", "Legal"] };
    await db.tenant.update({ where: { id: tenant.id }, data: { settings } });
  });
});

describe("escalating a case", () => {
  it("sets the level, team, unit and priority at the read version; the timeline and the team's members (not the escalator) hear of it", async () => {
    const [c] = await createTestCases(tenant, ["Customer threatens to leave"]);
    const teamId = await createTestTeam(tenant, "Escalations", [tenant.users.ADMIN.id, tenant.users.AGENT.id, tenant.users.VIEWER.id]);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const escalated = await agent.cases.escalate({
      id: c!.id,
      version: c!.version,
      level: "Tier 2",
      teamId,
      businessUnit: "Retail",
      priority: "URGENT",
      reason: "Third complaint this week",
    });
    expect(escalated).toMatchObject({ escalationLevel: "Tier 2", team: { id: teamId }, businessUnit: "Retail", priority: "URGENT", version: c!.version + 1 });
    expect(escalated.escalatedAt).toBeInstanceOf(Date);
    // The list shows it too.
    expect((await agent.cases.list({ tab: "all" })).items.find((i) => i.id === c!.id)).toMatchObject({ escalationLevel: "Tier 2", team: { id: teamId } });

    const timeline = await agent.cases.timeline({ caseId: c!.id });
    const events = timeline.items.flatMap((i) => (i.type === "event" ? [i] : []));
    expect(events.find((e) => e.event === "escalated")).toMatchObject({
      from: { level: null },
      to: { level: "Tier 2", reason: "Third complaint this week", team: { id: teamId }, businessUnit: "Retail", priority: "URGENT" },
    });
    expect(events.find((e) => e.event === "priority_changed")).toMatchObject({ from: "NORMAL", to: "URGENT" });

    for (const role of ["ADMIN", "VIEWER"] as const) {
      expect((await inboxOf(role)).items.map((n) => [n.type, n.case?.id, n.note, n.actor?.id])).toEqual([
        ["escalated", c!.id, "Third complaint this week", tenant.users.AGENT.id],
      ]);
    }
    expect((await inboxOf("AGENT")).items.filter((n) => n.type === "escalated")).toEqual([]);

    // Higher again is allowed and recorded; a stale version is a CONFLICT.
    await expectAppError(agent.cases.escalate({ id: c!.id, version: c!.version, level: "Management", reason: "Still stuck" }), "CONFLICT", "STALE_VERSION");
    const higher = await agent.cases.escalate({ id: c!.id, version: escalated.version, level: "Management", reason: "Still stuck" });
    expect(higher).toMatchObject({ escalationLevel: "Management", team: { id: teamId } });
  });

  it("without a team tells the tenant's admins and owners", async () => {
    const [c] = await createTestCases(tenant, ["No team for this one"]);
    await (await callerFor(tenant.users.AGENT, tenant.slug)).cases.escalate({ id: c!.id, level: "Legal", reason: "Possible lawsuit" });
    for (const role of ["ADMIN", "OWNER"] as const) {
      expect((await inboxOf(role)).items.filter((n) => n.case?.id === c!.id).map((n) => [n.type, n.note])).toEqual([["escalated", "Possible lawsuit"]]);
    }
    expect((await inboxOf("VIEWER")).items.filter((n) => n.case?.id === c!.id)).toEqual([]);
  });

  it("de-escalates with an optional reason, recorded on the timeline; a case that is not escalated is a BAD_REQUEST", async () => {
    const [c] = await createTestCases(tenant, ["Calmed down"]);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const up = await admin.cases.escalate({ id: c!.id, level: "Management", reason: "Angry customer" });
    const down = await admin.cases.deescalate({ id: c!.id, version: up.version, reason: "Sorted on the phone" });
    expect(down).toMatchObject({ escalationLevel: null, version: up.version + 1 });
    const events = (await admin.cases.timeline({ caseId: c!.id })).items.flatMap((i) => (i.type === "event" ? [i] : []));
    expect(events.find((e) => e.event === "deescalated")).toMatchObject({ from: { level: "Management" }, to: { reason: "Sorted on the phone" } });
    await expectAppError(admin.cases.deescalate({ id: c!.id }), "BAD_REQUEST");
  });

  it("refuses levels and business units the tenant does not have, beside the fields; a short reason; a closed case; viewers", async () => {
    const [c] = await createTestCases(tenant, ["Bad escalation"]);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const bad = await expectAppError(agent.cases.escalate({ id: c!.id, level: "Tier 9", businessUnit: "Nowhere", reason: "Because" }), "BAD_REQUEST");
    expect(bad.details?.fieldErrors).toEqual({
      level: ["Choose one of: Tier 2, Management, Legal"],
      businessUnit: ["Choose one of: Retail, Wholesale"],
    });
    const short = await expectAppError(agent.cases.escalate({ id: c!.id, level: "Tier 2", reason: "no" }), "BAD_REQUEST");
    expect(short.details?.fieldErrors).toHaveProperty("reason");
    await expectAppError(agent.cases.escalate({ id: c!.id, level: "Tier 2", teamId: "01a22a80-0000-7000-8000-000000000000", reason: "Unknown team" }), "NOT_FOUND");
    await expectAppError(
      (await callerFor(tenant.users.VIEWER, tenant.slug)).cases.escalate({ id: c!.id, level: "Tier 2", reason: "Viewer tries" }),
      "FORBIDDEN",
      "PERMISSION_DENIED",
    );
    await withPrivilegedDb("test fixture", (db) => db.case.updateMany({ where: { id: c!.id }, data: { status: "CLOSED", closedAt: new Date(), version: { increment: 1 } } }));
    const closed = await agent.cases.get({ id: c!.id });
    await expectAppError(agent.cases.escalate({ id: c!.id, version: closed.version, level: "Tier 2", reason: "Too late" }), "BAD_REQUEST");
    const after = await agent.cases.get({ id: c!.id });
    expect(after).toMatchObject({ escalationLevel: null, escalatedAt: null });
  });
});
