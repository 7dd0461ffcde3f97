// Alerts: the status machine, deduplication (a recurrence counts, moves lastFiredAt and reopens a
// resolved alert), filters, counts and pages, validation against the tenant, roles, routing to an
// assignee or a team's inbox, and the events that keep open pages live.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestTeam } from "@/test/escalation-fixtures";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { ALERT_LABELS_MAX } from "@/lib/validations/alert";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenant: TestTenant;
let other: TestTenant;
let owner: Caller;
let admin: Caller;
let agent: Caller;
let viewer: Caller;
let teamId: string;
let otherCaseId: string;

const auditActions = (alertId: string) =>
  withPrivilegedDb("test check", (db) =>
    db.auditEvent.findMany({ where: { tenantId: tenant.id, targetId: alertId }, select: { action: true }, orderBy: { seq: "asc" } }),
  ).then((rows) => rows.map((r) => r.action));

const alertNotifications = (alertId: string) =>
  withPrivilegedDb("test check", (db) => db.notification.findMany({ where: { alertId }, select: { userId: true, type: true, note: true } }));

const eventsOf = (alertId: string) =>
  withPrivilegedDb("test check", (db) =>
    db.realtimeEvent.findMany({ where: { tenantId: tenant.id, entityId: alertId }, select: { kind: true, data: true }, orderBy: { seq: "asc" } }),
  );

let keyCounter = 0;
const newKey = (label: string) => `${label}-${Date.now().toString(36)}-${keyCounter++}`;

beforeAll(async () => {
  [tenant, other] = await Promise.all([createTestTenant("alerts"), createTestTenant("alerts-other")]);
  owner = await callerFor(tenant.users.OWNER, tenant.slug);
  admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
  teamId = await createTestTeam(tenant, "On call", [tenant.users.AGENT.id, tenant.users.ADMIN.id]);
  otherCaseId = (await createTestCases(other, ["Their case"]))[0]!.id;
  await withPrivilegedDb("test fixture", (db) =>
    db.tenant.update({ where: { id: tenant.id }, data: { settings: { businessUnits: ["Retail", "Wholesale"] } } }),
  );
});

describe("status machine", () => {
  it("ACTIVE → ACKNOWLEDGED → RESOLVED → (reopen) ACTIVE → RESOLVED, each audited and announced", async () => {
    const { outcome, alert } = await agent.alerts.create({ title: "Refund spike", severity: "CRITICAL", businessUnit: "Retail" });
    expect(outcome).toBe("created");
    expect(alert).toMatchObject({ status: "ACTIVE", source: "API", severity: "CRITICAL", businessUnit: "Retail", occurrences: 1, version: 1, dedupeKey: null });
    expect(alert.firstFiredAt).toEqual(alert.lastFiredAt);

    const acked = await agent.alerts.acknowledge({ id: alert.id, version: 1 });
    expect(acked).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: { id: tenant.users.AGENT.id }, version: 2 });
    expect(acked.acknowledgedAt).toBeInstanceOf(Date);

    const resolved = await admin.alerts.resolve({ id: alert.id, note: "  Carrier fixed the label printer  " });
    expect(resolved).toMatchObject({ status: "RESOLVED", resolvedBy: { id: tenant.users.ADMIN.id }, resolutionNote: "Carrier fixed the label printer" });
    // Acknowledgement stays on record while resolved.
    expect(resolved.acknowledgedBy?.id).toBe(tenant.users.AGENT.id);

    const reopened = await agent.alerts.reopen({ id: alert.id });
    expect(reopened).toMatchObject({ status: "ACTIVE", acknowledgedBy: null, acknowledgedAt: null, resolvedBy: null, resolvedAt: null, resolutionNote: null });

    // ACTIVE → RESOLVED directly, without a note.
    expect(await agent.alerts.resolve({ id: alert.id })).toMatchObject({ status: "RESOLVED", resolutionNote: null });

    expect(await auditActions(alert.id)).toEqual(["alert.created", "alert.acknowledged", "alert.resolved", "alert.reopened", "alert.resolved"]);
    const events = await eventsOf(alert.id);
    expect(events[0]).toEqual({ kind: "alert.created", data: { change: "created", status: "ACTIVE", severity: "CRITICAL" } });
    expect(events.slice(1).map((e) => [e.kind, (e.data as { change: string }).change])).toEqual([
      ["alert.updated", "acknowledged"],
      ["alert.updated", "resolved"],
      ["alert.updated", "reopened"],
      ["alert.updated", "resolved"],
    ]);
  });

  it("refuses every other transition as CONFLICT, with the status and action in the details, changing nothing", async () => {
    const { alert } = await agent.alerts.create({ title: "Queue backing up" });
    const refuse = async (call: Promise<unknown>, status: string, action: string) => {
      const error = await expectAppError(call, "CONFLICT", "INVALID_TRANSITION");
      expect(error.details).toMatchObject({ status, action });
    };
    await refuse(agent.alerts.reopen({ id: alert.id }), "ACTIVE", "reopen");
    await agent.alerts.acknowledge({ id: alert.id });
    await refuse(agent.alerts.acknowledge({ id: alert.id }), "ACKNOWLEDGED", "acknowledge");
    await refuse(agent.alerts.reopen({ id: alert.id }), "ACKNOWLEDGED", "reopen");
    await agent.alerts.resolve({ id: alert.id });
    await refuse(agent.alerts.resolve({ id: alert.id }), "RESOLVED", "resolve");
    await refuse(agent.alerts.acknowledge({ id: alert.id }), "RESOLVED", "acknowledge");
    expect(await agent.alerts.get({ id: alert.id })).toMatchObject({ status: "RESOLVED", version: 3 });
  });

  it("writes at the version read: a stale one is CONFLICT with the current alert", async () => {
    const { alert } = await agent.alerts.create({ title: "Stale edit" });
    await admin.alerts.update({ id: alert.id, version: 1, severity: "INFO" });
    const stale = await expectAppError(agent.alerts.acknowledge({ id: alert.id, version: 1 }), "CONFLICT", "STALE_VERSION");
    expect(stale.details?.current).toMatchObject({ id: alert.id, severity: "INFO", version: 2, status: "ACTIVE" });
    await expectAppError(agent.alerts.update({ id: alert.id, version: 1, title: "Mine" }), "CONFLICT", "STALE_VERSION");
    // Without a version, the write applies to whatever is current.
    expect(await agent.alerts.acknowledge({ id: alert.id })).toMatchObject({ status: "ACKNOWLEDGED", version: 3 });
  });
});

describe("dedupe and recurrence", () => {
  it("counts a recurrence on the same alert, moves lastFiredAt and takes the new content", async () => {
    const dedupeKey = newKey("disk");
    const first = await agent.alerts.create({ title: "Disk 80% full", severity: "WARNING", dedupeKey, labels: { host: "db-1" } });
    expect(first.outcome).toBe("created");
    await new Promise((r) => setTimeout(r, 5));
    const again = await agent.alerts.create({ title: "Disk 95% full", severity: "CRITICAL", dedupeKey, labels: { host: "db-1", mount: "/var" } });
    expect(again.outcome).toBe("recurred");
    expect(again.alert).toMatchObject({ id: first.alert.id, occurrences: 2, title: "Disk 95% full", severity: "CRITICAL", labels: { host: "db-1", mount: "/var" } });
    expect(again.alert.lastFiredAt.getTime()).toBeGreaterThan(first.alert.lastFiredAt.getTime());
    expect(again.alert.firstFiredAt).toEqual(first.alert.firstFiredAt);
    // One alert of that key, however often it fires.
    expect((await agent.alerts.list({ limit: 100 })).items.filter((a) => a.dedupeKey === dedupeKey)).toHaveLength(1);
    expect(await auditActions(first.alert.id)).toEqual(["alert.created", "alert.recurred"]);
  });

  it("keeps an acknowledged alert acknowledged, and reopens a resolved one with its resolution cleared", async () => {
    const dedupeKey = newKey("payments");
    const { alert } = await agent.alerts.create({ title: "Payments failing", dedupeKey });
    await agent.alerts.acknowledge({ id: alert.id });
    expect((await agent.alerts.create({ title: "Payments failing", dedupeKey })).alert).toMatchObject({ status: "ACKNOWLEDGED", occurrences: 2 });
    await agent.alerts.resolve({ id: alert.id, note: "Provider back" });
    const back = await agent.alerts.create({ title: "Payments failing again", dedupeKey });
    expect(back.outcome).toBe("recurred");
    expect(back.alert).toMatchObject({
      id: alert.id,
      status: "ACTIVE",
      occurrences: 3,
      acknowledgedBy: null,
      acknowledgedAt: null,
      resolvedBy: null,
      resolvedAt: null,
      resolutionNote: null,
    });
  });

  it("makes one alert of simultaneous firings of a new key, counting each", async () => {
    const dedupeKey = newKey("burst");
    const results = await Promise.all([1, 2, 3].map(() => agent.alerts.create({ title: "Burst", dedupeKey })));
    expect(results.map((r) => r.outcome).sort()).toEqual(["created", "recurred", "recurred"]);
    expect(new Set(results.map((r) => r.alert.id)).size).toBe(1);
    expect((await agent.alerts.get({ id: results[0]!.alert.id })).occurrences).toBe(3);
  });

  it("keeps dedupe keys per tenant: the same key in another tenant is another alert", async () => {
    const dedupeKey = newKey("shared");
    const mine = await agent.alerts.create({ title: "Mine", dedupeKey });
    const theirs = await (await callerFor(other.users.AGENT, other.slug)).alerts.create({ title: "Theirs", dedupeKey });
    expect(theirs.outcome).toBe("created");
    expect(theirs.alert.id).not.toBe(mine.alert.id);
  });
});

describe("list, filters and counts", () => {
  let t: TestTenant;
  let c: Caller;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestTenant("alerts-list");
    c = await callerFor(t.users.ADMIN, t.slug);
    await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: t.id }, data: { settings: { businessUnits: ["Retail", "Wholesale"] } } }));
    const team = await createTestTeam(t, "Ops", [t.users.AGENT.id]);
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    // Made the privileged way so lastFiredAt and status can be set exactly.
    const rows = await withPrivilegedDb("test fixture", async (db) => {
      const make = (title: string, data: Record<string, unknown>) =>
        db.alert.create({ data: { tenantId: t.id, title, ...data }, select: { id: true } }).then((r) => [title, r.id] as const);
      return Object.fromEntries([
        await make("a", { severity: "CRITICAL", status: "ACTIVE", businessUnit: "Retail", lastFiredAt: at(1), teamId: team }),
        await make("b", { severity: "WARNING", status: "ACKNOWLEDGED", businessUnit: "Retail", lastFiredAt: at(2), assigneeId: t.users.AGENT.id }),
        await make("c", { severity: "INFO", status: "RESOLVED", businessUnit: "Wholesale", lastFiredAt: at(3), source: "ALERTMANAGER" }),
        await make("d", { severity: "CRITICAL", status: "RESOLVED", lastFiredAt: at(60 * 24 * 3), source: "RULE", assigneeId: t.users.ADMIN.id }),
        await make("e", { severity: "WARNING", status: "ACTIVE", lastFiredAt: at(4), source: "SYSTEM" }),
      ]);
    });
    ids = { ...rows, team };
  });

  const titles = async (input: Parameters<Caller["alerts"]["list"]>[0]) => (await c.alerts.list(input)).items.map((a) => a.title);

  it("lists newest firing first and filters by status, severity, unit, source, dates, team and assignee", async () => {
    expect(await titles({})).toEqual(["a", "b", "c", "e", "d"]);
    expect(await titles({ status: ["ACTIVE"] })).toEqual(["a", "e"]);
    expect(await titles({ status: ["ACTIVE", "ACKNOWLEDGED"], severity: ["WARNING"] })).toEqual(["b", "e"]);
    expect(await titles({ severity: ["CRITICAL"] })).toEqual(["a", "d"]);
    expect(await titles({ businessUnit: "Retail" })).toEqual(["a", "b"]);
    expect(await titles({ source: "ALERTMANAGER" })).toEqual(["c"]);
    expect(await titles({ from: new Date(Date.now() - 24 * 3_600_000) })).toEqual(["a", "b", "c", "e"]);
    expect(await titles({ to: new Date(Date.now() - 24 * 3_600_000) })).toEqual(["d"]);
    expect(await titles({ teamId: ids.team })).toEqual(["a"]);
    expect(await titles({ teamId: "none" })).toEqual(["b", "c", "e", "d"]);
    expect(await titles({ assigneeId: t.users.AGENT.id })).toEqual(["b"]);
    expect(await titles({ assigneeId: "me" })).toEqual(["d"]);
    expect(await titles({ assigneeId: "none" })).toEqual(["a", "c", "e"]);
    // An API key is nobody: "me" matches nothing.
    const key = await apiKeyCaller(await createTestApiKey(t, { role: "VIEWER" }));
    expect((await key.alerts.list({ assigneeId: "me" })).items).toEqual([]);
  });

  it("pages with a keyset cursor, no row twice or missed, and refuses a forged cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await c.alerts.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["a", "b", "c", "e", "d"]);
    await expectAppError(c.alerts.list({ cursor: "not-a-cursor" }), "BAD_REQUEST", "INVALID_CURSOR");
  });

  it("counts by status and severity under the other filters", async () => {
    expect(await c.alerts.count()).toEqual({
      total: 5,
      byStatus: { ACTIVE: 2, ACKNOWLEDGED: 1, RESOLVED: 2 },
      bySeverity: { INFO: 1, WARNING: 2, CRITICAL: 2 },
      activeBySeverity: { INFO: 0, WARNING: 1, CRITICAL: 1 },
    });
    expect(await c.alerts.count({ businessUnit: "Retail" })).toEqual({
      total: 2,
      byStatus: { ACTIVE: 1, ACKNOWLEDGED: 1, RESOLVED: 0 },
      bySeverity: { INFO: 0, WARNING: 1, CRITICAL: 1 },
      activeBySeverity: { INFO: 0, WARNING: 0, CRITICAL: 1 },
    });
    expect((await c.alerts.count({ from: new Date(Date.now() - 24 * 3_600_000), source: "RULE" })).total).toBe(0);
  });
});

describe("validation", () => {
  it("answers bad fields as BAD_REQUEST with field errors", async () => {
    const unit = await expectAppError(agent.alerts.create({ title: "Odd unit", businessUnit: "Nowhere" }), "BAD_REQUEST");
    expect(unit.details?.fieldErrors).toEqual({ businessUnit: ["Choose one of: Retail, Wholesale"] });
    const { alert } = await agent.alerts.create({ title: "Valid one" });
    const unitOnUpdate = await expectAppError(agent.alerts.update({ id: alert.id, businessUnit: "Nowhere" }), "BAD_REQUEST");
    expect(unitOnUpdate.details?.fieldErrors).toHaveProperty("businessUnit");

    const title = await expectAppError(agent.alerts.create({ title: "x" }), "BAD_REQUEST");
    expect(title.details?.fieldErrors).toHaveProperty("title");
    const labels = Object.fromEntries(Array.from({ length: ALERT_LABELS_MAX + 1 }, (_, i) => [`k${i}`, "v"]));
    const tooMany = await expectAppError(agent.alerts.create({ title: "Many labels", labels }), "BAD_REQUEST");
    expect(tooMany.details?.fieldErrors).toHaveProperty("labels");
    const severity = await expectAppError(agent.alerts.create({ title: "Bad severity", severity: "LOUD" as never }), "BAD_REQUEST");
    expect(severity.details?.fieldErrors).toHaveProperty("severity");

    const viewerAssignee = await expectAppError(agent.alerts.assign({ id: alert.id, assigneeId: tenant.users.VIEWER.id }), "BAD_REQUEST");
    expect(viewerAssignee.details?.fieldErrors).toHaveProperty("assigneeId");
    await expectAppError(agent.alerts.assign({ id: alert.id }), "BAD_REQUEST");
    const keyMe = await expectAppError(
      (await apiKeyCaller(await createTestApiKey(tenant))).alerts.assign({ id: alert.id, assigneeId: "me" }),
      "BAD_REQUEST",
    );
    expect(keyMe.details?.fieldErrors).toHaveProperty("assigneeId");
  });

  it("relates only the tenant's own cases: another tenant's case id is NOT_FOUND, on create and update", async () => {
    const [mine] = await createTestCases(tenant, ["Related case"]);
    const { alert } = await agent.alerts.create({ title: "With cases", relatedCaseIds: [mine!.id, mine!.id] });
    expect(alert.relatedCaseIds).toEqual([mine!.id]);
    await expectAppError(agent.alerts.create({ title: "Theirs", relatedCaseIds: [mine!.id, otherCaseId] }), "NOT_FOUND");
    await expectAppError(agent.alerts.update({ id: alert.id, relatedCaseIds: [otherCaseId] }), "NOT_FOUND");
    expect((await agent.alerts.get({ id: alert.id })).relatedCaseIds).toEqual([mine!.id]);
    const updated = await agent.alerts.update({ id: alert.id, relatedCaseIds: [], title: "No cases now", labels: { env: "prod" } });
    expect(updated).toMatchObject({ relatedCaseIds: [], title: "No cases now", labels: { env: "prod" } });
  });
});

describe("roles", () => {
  it("viewers read but cannot act; agents act but cannot delete; admins delete", async () => {
    const { alert } = await agent.alerts.create({ title: "Role check" });
    expect((await viewer.alerts.get({ id: alert.id })).id).toBe(alert.id);
    expect((await viewer.alerts.list({})).items.map((a) => a.id)).toContain(alert.id);
    expect((await viewer.alerts.count()).total).toBeGreaterThan(0);
    // Thunks: each call starts only when awaited, so no refusal goes unobserved meanwhile.
    for (const call of [
      () => viewer.alerts.acknowledge({ id: alert.id }),
      () => viewer.alerts.resolve({ id: alert.id }),
      () => viewer.alerts.reopen({ id: alert.id }),
      () => viewer.alerts.assign({ id: alert.id, assigneeId: null }),
      () => viewer.alerts.update({ id: alert.id, title: "Viewer edit" }),
      () => viewer.alerts.create({ title: "Viewer alert" }),
      () => viewer.alerts.alertmanager({ alerts: [{ status: "firing", fingerprint: "abc" }] }),
      () => viewer.alerts.delete({ id: alert.id }),
      () => agent.alerts.delete({ id: alert.id }),
    ]) {
      await expectAppError(call(), "FORBIDDEN", "PERMISSION_DENIED");
    }
    expect(await admin.alerts.delete({ id: alert.id })).toEqual({ id: alert.id });
    await expectAppError(agent.alerts.get({ id: alert.id }), "NOT_FOUND");
    await expectAppError(owner.alerts.delete({ id: alert.id }), "NOT_FOUND");
    expect(await auditActions(alert.id)).toEqual(["alert.created", "alert.deleted"]);
  });
});

describe("routing to the inbox", () => {
  it("tells the assignee of a new alert, or without one every member of its team, never the one who routed it", async () => {
    const assigned = await admin.alerts.create({ title: "For the agent", assigneeId: tenant.users.AGENT.id, teamId });
    expect(await alertNotifications(assigned.alert.id)).toEqual([{ userId: tenant.users.AGENT.id, type: "alert", note: "For the agent" }]);
    const inbox = await agent.notifications.list({});
    expect(inbox.items.find((n) => n.alert?.id === assigned.alert.id)).toMatchObject({
      type: "alert",
      case: null,
      alert: { id: assigned.alert.id, title: "For the agent", severity: "WARNING", status: "ACTIVE" },
    });

    // The admin is in the team, but routed it: only the agent hears of it.
    const toTeam = await admin.alerts.create({ title: "For the team", teamId });
    expect(await alertNotifications(toTeam.alert.id)).toEqual([{ userId: tenant.users.AGENT.id, type: "alert", note: "For the team" }]);
    const unrouted = await admin.alerts.create({ title: "For nobody" });
    expect(await alertNotifications(unrouted.alert.id)).toEqual([]);
  });

  it("tells whom an alert is assigned to, the team when it has nobody, and no one who takes it themselves", async () => {
    const { alert } = await owner.alerts.create({ title: "Assign me" });
    await owner.alerts.assign({ id: alert.id, teamId });
    expect((await alertNotifications(alert.id)).map((n) => n.userId).sort()).toEqual([tenant.users.AGENT.id, tenant.users.ADMIN.id].sort());
    const taken = await agent.alerts.assign({ id: alert.id, assigneeId: "me" });
    expect(taken).toMatchObject({ assignee: { id: tenant.users.AGENT.id }, team: { id: teamId } });
    expect(await alertNotifications(alert.id)).toHaveLength(2);
    const handed = await agent.alerts.assign({ id: alert.id, assigneeId: tenant.users.OWNER.id, teamId: null });
    expect(handed).toMatchObject({ assignee: { id: tenant.users.OWNER.id }, team: null });
    expect((await alertNotifications(alert.id)).filter((n) => n.userId === tenant.users.OWNER.id)).toHaveLength(1);
    // Nothing changes: nobody is told again, nothing is audited.
    await agent.alerts.assign({ id: alert.id, assigneeId: tenant.users.OWNER.id });
    expect(await alertNotifications(alert.id)).toHaveLength(3);
    expect((await auditActions(alert.id)).filter((a) => a === "alert.assigned")).toHaveLength(3);
    const cleared = await agent.alerts.assign({ id: alert.id, assigneeId: null });
    expect(cleared.assignee).toBeNull();
  });

  it("tells them again when a routed alert that was resolved recurs, and respects a member's preference", async () => {
    const dedupeKey = newKey("routed");
    const { alert } = await owner.alerts.create({ title: "Routed", dedupeKey, assigneeId: tenant.users.AGENT.id });
    await owner.alerts.create({ title: "Routed", dedupeKey });
    // Still open: already in their inbox.
    expect(await alertNotifications(alert.id)).toHaveLength(1);
    await owner.alerts.resolve({ id: alert.id });
    await owner.alerts.create({ title: "Routed", dedupeKey });
    expect(await alertNotifications(alert.id)).toHaveLength(2);

    await agent.notifications.updatePreferences({ preferences: [{ kind: "alert", inApp: false, email: "off" }] });
    try {
      const quiet = await owner.alerts.create({ title: "Quiet", assigneeId: tenant.users.AGENT.id });
      expect(await alertNotifications(quiet.alert.id)).toEqual([]);
    } finally {
      await agent.notifications.updatePreferences({ preferences: [{ kind: "alert", inApp: true, email: "off" }] });
    }
  });

  it("removes an alert's notifications with it, and keeps alerts when their team goes", async () => {
    const team = await createTestTeam(tenant, "Short-lived", [tenant.users.AGENT.id]);
    const { alert } = await owner.alerts.create({ title: "Team goes", teamId: team });
    expect(await alertNotifications(alert.id)).toHaveLength(1);
    await admin.teams.delete({ id: team });
    expect((await agent.alerts.get({ id: alert.id })).team).toBeNull();
    await admin.alerts.delete({ id: alert.id });
    expect(await alertNotifications(alert.id)).toEqual([]);
  });
});
