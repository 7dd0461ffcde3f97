// Teams: managed by admins, seen by everyone, assigned cases to, routed to by channel, and
// assigning round-robin among members who are available and online.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/session-user";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { listOnline, trackOnline } from "@/server/realtime/online";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenant: TestTenant;
let other: TestTenant;
let owner: Caller;
let admin: Caller;
let agent: Caller;
let viewer: Caller;
let otherTeamId: string;

/** Another agent of the tenant, made the privileged way as an accepted invitation would. */
async function addAgent(t: TestTenant, label: string): Promise<SessionUser> {
  return withPrivilegedDb("test fixture", async (db) => {
    const user = await db.user.create({ data: { email: `${label}-${t.slug}@example.test`, name: `${label} ${t.slug}`, passwordHash: "x" } });
    await db.membership.create({ data: { tenantId: t.id, userId: user.id, role: "AGENT" } });
    return { id: user.id, email: user.email, name: user.name, platformRole: null };
  });
}

/** Opens "streams" for these members and waits until this instance has heard them. */
const online: (() => void)[] = [];
async function goOnline(t: TestTenant, ...users: SessionUser[]): Promise<void> {
  for (const u of users) online.push(trackOnline({ tenantId: t.id, userId: u.id, name: u.name }));
  await vi.waitFor(() => expect(listOnline(t.id).map((m) => m.userId)).toEqual(expect.arrayContaining(users.map((u) => u.id))));
}
afterEach(async () => {
  for (const offline of online.splice(0)) offline();
  await vi.waitFor(() => expect(listOnline(tenant.id)).toEqual([]));
});

const notificationsOf = (caseId: string) =>
  withPrivilegedDb("test check", (db) => db.notification.findMany({ where: { caseId }, select: { userId: true, type: true } }));

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("teams"), createTestTenant("teams-other")]);
  owner = await callerFor(tenant.users.OWNER, tenant.slug);
  admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
  otherTeamId = (await (await callerFor(other.users.ADMIN, other.slug)).teams.create({ name: "Theirs", memberIds: [other.users.AGENT.id] })).id;
  await withPrivilegedDb("test fixture", (db) =>
    db.tenant.update({ where: { id: tenant.id }, data: { settings: { businessUnits: ["Retail", "Wholesale"] } } }),
  );
});

describe("managing teams", () => {
  it("creates, lists (for every member), updates and deletes a team, audited", async () => {
    const team = await admin.teams.create({ name: "Billing", businessUnit: "Retail", memberIds: [tenant.users.AGENT.id, tenant.users.ADMIN.id, tenant.users.AGENT.id] });
    expect(team).toMatchObject({ name: "Billing", businessUnit: "Retail", defaultChannel: null, autoAssign: false });
    expect(team.members.map((m) => [m.id, m.available, m.online]).sort()).toEqual(
      [[tenant.users.ADMIN.id, true, false], [tenant.users.AGENT.id, true, false]].sort(),
    );
    expect((await viewer.teams.list()).find((t) => t.id === team.id)?.members).toHaveLength(2);

    const updated = await admin.teams.update({ id: team.id, name: "Billing & refunds", defaultChannel: "EMAIL", autoAssign: true });
    expect(updated).toMatchObject({ name: "Billing & refunds", defaultChannel: "EMAIL", autoAssign: true });
    const members = await admin.teams.setMembers({ id: team.id, userIds: [tenant.users.OWNER.id] });
    expect(members.members.map((m) => m.id)).toEqual([tenant.users.OWNER.id]);
    expect(await admin.teams.delete({ id: team.id })).toEqual({ id: team.id });
    expect((await viewer.teams.list()).map((t) => t.id)).not.toContain(team.id);

    const actions = await withPrivilegedDb("test check", (db) =>
      db.auditEvent.findMany({ where: { tenantId: tenant.id, targetId: team.id }, select: { action: true }, orderBy: { seq: "asc" } }),
    );
    expect(actions.map((a) => a.action)).toEqual(["team.created", "team.updated", "team.members_changed", "team.deleted"]);
  });

  it("refuses a taken name or channel (CONFLICT), an unknown business unit, viewers and strangers as members", async () => {
    const first = await admin.teams.create({ name: "Support", defaultChannel: "CHAT" });
    const name = await expectAppError(admin.teams.create({ name: "support" }), "CONFLICT");
    expect(name.details?.fieldErrors).toEqual({ name: ["A team with this name already exists"] });
    const channel = await expectAppError(admin.teams.create({ name: "Chat people", defaultChannel: "CHAT" }), "CONFLICT");
    expect(Object.keys(channel.details?.fieldErrors ?? {})).toEqual(["defaultChannel"]);
    const second = await admin.teams.create({ name: "Second line" });
    await expectAppError(admin.teams.update({ id: second.id, name: "Support" }), "CONFLICT");
    await expectAppError(admin.teams.update({ id: second.id, defaultChannel: "CHAT" }), "CONFLICT");
    // Its own name and channel are not a conflict with itself.
    expect((await admin.teams.update({ id: first.id, name: "Support", defaultChannel: "CHAT" })).name).toBe("Support");

    const unit = await expectAppError(admin.teams.create({ name: "Units", businessUnit: "Nowhere" }), "BAD_REQUEST");
    expect(unit.details?.fieldErrors?.businessUnit?.[0]).toContain("Retail");
    await expectAppError(admin.teams.update({ id: second.id, businessUnit: "Nowhere" }), "BAD_REQUEST");
    const viewers = await expectAppError(admin.teams.create({ name: "Viewers", memberIds: [tenant.users.VIEWER.id] }), "BAD_REQUEST");
    expect(Object.keys(viewers.details?.fieldErrors ?? {})).toEqual(["memberIds"]);
    await expectAppError(admin.teams.setMembers({ id: second.id, userIds: [other.users.AGENT.id] }), "NOT_FOUND");
    await expectAppError(admin.teams.create({ name: "", memberIds: [] }), "BAD_REQUEST");
    await admin.teams.delete({ id: first.id });
    await admin.teams.delete({ id: second.id });
  });

  it("lets only settings managers manage teams; members set their own availability, admins anyone's", async () => {
    const team = await admin.teams.create({ name: "Availability", memberIds: [tenant.users.AGENT.id, tenant.users.ADMIN.id] });
    for (const caller of [agent, viewer]) {
      await expectAppError(caller.teams.create({ name: "Mine now" }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.teams.update({ id: team.id, name: "Mine now" }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.teams.setMembers({ id: team.id, userIds: [] }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.teams.delete({ id: team.id }), "FORBIDDEN", "PERMISSION_DENIED");
    }
    await expectAppError(viewer.teams.setAvailability({ id: team.id, available: false }), "FORBIDDEN", "PERMISSION_DENIED");
    const self = await agent.teams.setAvailability({ id: team.id, available: false });
    expect(self.members.find((m) => m.id === tenant.users.AGENT.id)?.available).toBe(false);
    await expectAppError(agent.teams.setAvailability({ id: team.id, userId: tenant.users.ADMIN.id, available: false }), "FORBIDDEN", "PERMISSION_DENIED");
    const byAdmin = await admin.teams.setAvailability({ id: team.id, userId: tenant.users.AGENT.id, available: true });
    expect(byAdmin.members.find((m) => m.id === tenant.users.AGENT.id)?.available).toBe(true);
    // The owner is no member of this team.
    await expectAppError(owner.teams.setAvailability({ id: team.id, available: false }), "NOT_FOUND");
    await admin.teams.delete({ id: team.id });
  });

  it("answers another tenant's team id with NOT_FOUND everywhere, cases.assign included", async () => {
    await expectAppError(owner.teams.update({ id: otherTeamId, name: "Hijacked" }), "NOT_FOUND");
    await expectAppError(owner.teams.delete({ id: otherTeamId }), "NOT_FOUND");
    await expectAppError(owner.teams.setMembers({ id: otherTeamId, userIds: [] }), "NOT_FOUND");
    await expectAppError(owner.teams.setAvailability({ id: otherTeamId, userId: other.users.AGENT.id, available: false }), "NOT_FOUND");
    const created = await owner.cases.create({ title: "Into their team?" });
    await expectAppError(owner.cases.assign({ id: created.id, teamId: otherTeamId }), "NOT_FOUND");
    await expectAppError(owner.cases.create({ title: "Born in their team?", teamId: otherTeamId }), "NOT_FOUND");
    const theirs = await withPrivilegedDb("test check", (db) => db.team.findFirstOrThrow({ where: { id: otherTeamId }, include: { members: true } }));
    expect(theirs.name).toBe("Theirs");
    expect(theirs.members).toHaveLength(1);
  });

  it("drops a member who leaves the tenant from every team (the foreign key cascades)", async () => {
    const leaver = await addAgent(tenant, "leaver");
    const team = await admin.teams.create({ name: "Leavers", memberIds: [leaver.id, tenant.users.AGENT.id] });
    await admin.members.remove({ userId: leaver.id });
    expect((await admin.teams.list()).find((t) => t.id === team.id)?.members.map((m) => m.id)).toEqual([tenant.users.AGENT.id]);
    expect(await withPrivilegedDb("test check", (db) => db.teamMember.count({ where: { userId: leaver.id } }))).toBe(0);
    await admin.teams.delete({ id: team.id });
  });
});

describe("cases and teams", () => {
  it("assigns a case to a team, a member, or both; team members hear of a case nobody has", async () => {
    const team = await admin.teams.create({ name: "Assignment", memberIds: [tenant.users.AGENT.id, tenant.users.ADMIN.id] });
    const created = await admin.cases.create({ title: "For the team" });
    const toTeam = await admin.cases.assign({ id: created.id, teamId: team.id });
    expect(toTeam.team).toEqual({ id: team.id, name: "Assignment" });
    expect(toTeam.assignee).toBeNull();
    // The admin assigned it: only the other team member is told.
    expect(await notificationsOf(created.id)).toEqual([{ userId: tenant.users.AGENT.id, type: "assigned" }]);

    // A member outside the team may be assigned into it; the team stays.
    const both = await agent.cases.assign({ id: created.id, assigneeId: tenant.users.OWNER.id });
    expect([both.team?.id, both.assignee?.id]).toEqual([team.id, tenant.users.OWNER.id]);
    const out = await agent.cases.assign({ id: created.id, teamId: null, assigneeId: "me" });
    expect([out.team, out.assignee?.id]).toEqual([null, tenant.users.AGENT.id]);
    await expectAppError(agent.cases.assign({ id: created.id }), "BAD_REQUEST");

    const events = await withPrivilegedDb("test check", (db) =>
      db.caseEvent.findMany({ where: { caseId: created.id, type: "team_changed" }, select: { from: true, to: true }, orderBy: { createdAt: "asc" } }),
    );
    expect(events).toEqual([
      { from: null, to: { id: team.id, name: "Assignment" } },
      { from: { id: team.id, name: "Assignment" }, to: null },
    ]);
    const audit = await withPrivilegedDb("test check", (db) => db.auditEvent.count({ where: { tenantId: tenant.id, targetId: created.id, action: "case.team_changed" } }));
    expect(audit).toBe(2);
    await admin.teams.delete({ id: team.id });
  });

  it("gives a new case the team of its channel; without automatic assignment it waits unassigned there", async () => {
    await withPrivilegedDb("test fixture", (db) =>
      db.tenant.update({ where: { id: tenant.id }, data: { settings: { businessUnits: ["Retail"], defaultAssigneeId: tenant.users.OWNER.id } } }),
    );
    const team = await admin.teams.create({ name: "Phones", defaultChannel: "PHONE", memberIds: [tenant.users.AGENT.id] });
    try {
      const phoned = await agent.cases.create({ title: "Called in", channel: "PHONE" });
      expect([phoned.team?.id, phoned.assignee]).toEqual([team.id, null]);
      // Other channels keep the tenant's default assignee and no team.
      const web = await agent.cases.create({ title: "From the web", channel: "WEB" });
      expect([web.team, web.assignee?.id]).toEqual([null, tenant.users.OWNER.id]);
      // A team named on creation wins over the channel's.
      const other = await admin.teams.create({ name: "Named" });
      expect((await agent.cases.create({ title: "Named team", channel: "PHONE", teamId: other.id })).team?.id).toBe(other.id);
      await admin.teams.delete({ id: other.id });
    } finally {
      await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: tenant.id }, data: { settings: { businessUnits: ["Retail", "Wholesale"] } } }));
      await admin.teams.delete({ id: team.id });
    }
  });

  it("assigns round-robin among members who are available and online, skipping the rest", async () => {
    const [a, b, c, d] = await Promise.all(["rr-a", "rr-b", "rr-c", "rr-d"].map((label) => addAgent(tenant, label)));
    const team = await admin.teams.create({ name: "Round robin", defaultChannel: "SOCIAL", autoAssign: true, memberIds: [a!.id, b!.id, c!.id, d!.id] });
    // d is online but unavailable; c is available but offline.
    await admin.teams.setAvailability({ id: team.id, userId: d!.id, available: false });
    await goOnline(tenant, a!, b!, d!);
    const eligible = [a!.id, b!.id].sort();

    const assignees: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) assignees.push((await agent.cases.create({ title: `Social ${i}`, channel: "SOCIAL" })).assignee?.id);
    expect(assignees).toEqual([eligible[0], eligible[1], eligible[0], eligible[1]]);
    // The round-robin assignee is told.
    const last = await agent.cases.list({ tab: "all", channel: ["SOCIAL"], limit: 1 });
    expect(await notificationsOf(last.items[0]!.id)).toEqual([{ userId: eligible[1], type: "assigned" }]);

    // Cases created at the same moment still go to different members (the team row is locked).
    const together = await Promise.all([0, 1].map((i) => agent.cases.create({ title: `Together ${i}`, channel: "SOCIAL" })));
    expect(new Set(together.map((t) => t.assignee?.id))).toEqual(new Set(eligible));

    // Nobody available online: the case waits unassigned in the team.
    for (const offline of online.splice(0)) offline();
    await vi.waitFor(() => expect(listOnline(tenant.id)).toEqual([]));
    const waiting = await agent.cases.create({ title: "Nobody around", channel: "SOCIAL" });
    expect([waiting.team?.id, waiting.assignee]).toEqual([team.id, null]);
    await admin.teams.delete({ id: team.id });
  });

  it("lists and counts my teams' unassigned cases, filters by team, and keeps both in saved views", async () => {
    const mine = await admin.teams.create({ name: "Agent's team", memberIds: [tenant.users.AGENT.id] });
    const theirs = await admin.teams.create({ name: "Not the agent's", memberIds: [tenant.users.ADMIN.id] });
    const tag = `myteams${Date.now()}`;
    const make = async (title: string, teamId: string | null, assigneeId: string | null) => {
      const c = await admin.cases.create({ title, tags: [tag] });
      return admin.cases.assign({ id: c.id, teamId, assigneeId });
    };
    const waiting = await make("Waiting in my team", mine.id, null);
    await make("Taken in my team", mine.id, tenant.users.OWNER.id);
    await make("Waiting in theirs", theirs.id, null);
    await make("Waiting nowhere", null, null);

    const titles = async (query: Parameters<Caller["cases"]["list"]>[0]) => (await agent.cases.list({ tag, ...query })).items.map((c) => c.title).sort();
    expect(await titles({ tab: "my_teams" })).toEqual(["Waiting in my team"]);
    expect(await titles({ assigneeId: "my_teams" })).toEqual(["Waiting in my team"]);
    expect(await titles({ teamId: mine.id })).toEqual(["Taken in my team", "Waiting in my team"]);
    expect(await titles({ teamId: "none" })).toEqual(["Waiting nowhere"]);
    expect(await agent.cases.counts({ tag })).toEqual({ mine: 0, my_teams: 1, unassigned: 3, all: 4 });
    expect((await admin.cases.counts({ tag })).my_teams).toBe(1);
    expect((await owner.cases.counts({ tag })).my_teams).toBe(0);

    const view = await agent.views.create({ name: "My teams' queue", filters: { tab: "my_teams", teamId: mine.id, tag } });
    expect(view.filters).toMatchObject({ tab: "my_teams", teamId: [mine.id] });
    expect((await agent.cases.list({ ...view.filters })).items.map((c) => c.id)).toEqual([waiting.id]);
    await admin.teams.delete({ id: mine.id });
    await admin.teams.delete({ id: theirs.id });
  });
});

describe("who is online", () => {
  it("lists the tenant's members with an open stream, only current members, only this tenant's", async () => {
    const passing = await addAgent(tenant, "passing");
    await goOnline(tenant, tenant.users.AGENT, passing);
    online.push(trackOnline({ tenantId: other.id, userId: other.users.AGENT.id, name: other.users.AGENT.name }));
    const names = async () => (await viewer.realtime.online()).map((m) => m.userId).sort();
    expect(await names()).toEqual([tenant.users.AGENT.id, passing.id].sort());
    await admin.members.remove({ userId: passing.id });
    expect(await names()).toEqual([tenant.users.AGENT.id]);
    expect((await admin.teams.create({ name: "Online", memberIds: [tenant.users.AGENT.id] })).members[0]?.online).toBe(true);
  });
});
