// Shares: a case or a saved view sent to members and teams with a note lands in each recipient's
// inbox (never the sharer's), a case's timeline records it, and ids that are not this tenant's
// (cases, views, people, teams) are NOT_FOUND.
import { beforeAll, describe, expect, it } from "vitest";
import { expectAppError } from "@/test/errors";
import { createTestTeam } from "@/test/escalation-fixtures";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";

let tenant: TestTenant;
let other: TestTenant;

const inboxOf = async (t: TestTenant, role: keyof TestTenant["users"]) => (await callerFor(t.users[role], t.slug)).notifications.list({ limit: 50 });

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("share"), createTestTenant("share-other")]);
});

describe("sharing a case", () => {
  it("lands in each member's and team member's inbox once, with the note and the case, not the sharer's; the timeline records it", async () => {
    const [c] = await createTestCases(tenant, ["Refund stuck at the bank"]);
    // The sharer is in the team too: they are left out; the admin is named twice (directly and via the team).
    const teamId = await createTestTeam(tenant, "Billing", [tenant.users.VIEWER.id, tenant.users.AGENT.id, tenant.users.ADMIN.id]);
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const note = "Can you check the refund with the bank?";
    const result = await agent.cases.share({ id: c!.id, userIds: [tenant.users.ADMIN.id], teamIds: [teamId], note: `  ${note} ` });
    expect(result.recipients.map((r) => r.id).sort()).toEqual([tenant.users.ADMIN.id, tenant.users.VIEWER.id].sort());

    for (const role of ["ADMIN", "VIEWER"] as const) {
      const inbox = await inboxOf(tenant, role);
      expect(inbox.items.map((n) => ({ type: n.type, case: n.case?.id, note: n.note, view: n.view, actor: n.actor?.id }))).toEqual([
        { type: "share", case: c!.id, note, view: null, actor: tenant.users.AGENT.id },
      ]);
      expect(inbox.unreadCount).toBe(1);
    }
    expect((await inboxOf(tenant, "AGENT")).items).toEqual([]);

    const timeline = await agent.cases.timeline({ caseId: c!.id });
    const shared = timeline.items.find((i) => i.type === "event" && i.event === "shared");
    expect(shared).toMatchObject({
      actor: { type: "user", id: tenant.users.AGENT.id },
      to: { userIds: expect.arrayContaining([tenant.users.ADMIN.id, tenant.users.VIEWER.id]), teams: [{ id: teamId }], note },
    });
  });

  it("refuses another tenant's case, member or team as NOT_FOUND, sending nothing", async () => {
    const [c] = await createTestCases(tenant, ["Only ours"]);
    const [theirs] = await createTestCases(other, ["Only theirs"]);
    const theirTeam = await createTestTeam(other, "Their team", [other.users.AGENT.id]);
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    await expectAppError(owner.cases.share({ id: theirs!.id, userIds: [tenant.users.AGENT.id], note: "x" }), "NOT_FOUND");
    await expectAppError(owner.cases.share({ id: c!.id, userIds: [tenant.users.AGENT.id, other.users.AGENT.id], note: "x" }), "NOT_FOUND");
    await expectAppError(owner.cases.share({ id: c!.id, teamIds: [theirTeam], note: "x" }), "NOT_FOUND");
    expect((await inboxOf(other, "AGENT")).items).toEqual([]);
    expect((await inboxOf(tenant, "AGENT")).items.filter((n) => n.case?.id === c!.id)).toEqual([]);
  });

  it("needs cases:write, a recipient besides oneself and a note", async () => {
    const [c] = await createTestCases(tenant, ["Viewer would share"]);
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    await expectAppError(viewer.cases.share({ id: c!.id, userIds: [tenant.users.AGENT.id], note: "FYI" }), "FORBIDDEN", "PERMISSION_DENIED");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const self = await expectAppError(agent.cases.share({ id: c!.id, userIds: [tenant.users.AGENT.id], note: "Me" }), "BAD_REQUEST");
    expect(self.details?.fieldErrors).toHaveProperty("userIds");
    const none = await expectAppError(agent.cases.share({ id: c!.id, note: "Nobody" }), "BAD_REQUEST");
    expect(none.details?.fieldErrors).toHaveProperty("userIds");
    const blank = await expectAppError(agent.cases.share({ id: c!.id, userIds: [tenant.users.ADMIN.id], note: "   " }), "BAD_REQUEST");
    expect(blank.details?.fieldErrors).toHaveProperty("note");
    await expectAppError(agent.cases.share({ id: c!.id, userIds: [tenant.users.ADMIN.id], note: "x".repeat(1001) }), "BAD_REQUEST");
  });
});

describe("sharing a saved view", () => {
  it("sends one's own personal view (its filters) or a shared one; the recipient opens it through views.get", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const mine = await agent.views.create({ name: "My urgent ones", filters: { priority: ["URGENT"], tab: "all" } });
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    await expectAppError(viewer.views.get({ id: mine.id }), "NOT_FOUND");

    await agent.views.share({ id: mine.id, userIds: [tenant.users.VIEWER.id], note: "Start your day with these" });
    const [item] = (await viewer.notifications.list({ limit: 5 })).items;
    expect(item).toMatchObject({ type: "share", case: null, note: "Start your day with these", view: { id: mine.id, name: "My urgent ones" } });
    const opened = await viewer.views.get({ id: mine.id });
    expect(opened).toMatchObject({ id: mine.id, filters: { priority: ["URGENT"], tab: "all" }, editable: false, shared: false });
    // It stays personal: not in the recipient's list, and not theirs to change.
    expect((await viewer.views.list()).map((v) => v.id)).not.toContain(mine.id);
    await expectAppError(viewer.views.update({ id: mine.id, name: "Mine now" }), "NOT_FOUND");

    // A viewer may share too (reading is all it takes), e.g. a tenant-wide view.
    const team = await agent.views.create({ name: "Team breaches", filters: { sla: "breached" }, shared: true });
    expect((await viewer.views.share({ id: team.id, userIds: [tenant.users.OWNER.id], note: "Look" })).recipients.map((r) => r.id)).toEqual([tenant.users.OWNER.id]);
  });

  it("refuses someone else's personal view and another tenant's view as NOT_FOUND", async () => {
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const private_ = await admin.views.create({ name: "Admin's own", filters: {} });
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await expectAppError(agent.views.share({ id: private_.id, userIds: [tenant.users.OWNER.id], note: "Peek" }), "NOT_FOUND");
    const theirs = await (await callerFor(other.users.OWNER, other.slug)).views.create({ name: "Theirs", filters: {}, shared: true });
    await expectAppError(agent.views.share({ id: theirs.id, userIds: [tenant.users.OWNER.id], note: "Peek" }), "NOT_FOUND");
    await expectAppError(agent.views.get({ id: theirs.id }), "NOT_FOUND");
  });
});
