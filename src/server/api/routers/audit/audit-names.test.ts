// audit.list names actors and targets (one query for the page), shows diffs as before → after
// and IPs without "::ffff:", and never names another tenant's records: an event of A that points
// at B's rows reads as if those rows were deleted.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/server/audit";
import { runWithContext, type Actor } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { tenantSettingsSchema } from "@/lib/validations/tenant-settings";
import { callerFor, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";

interface NamedRecords {
  /** targetType → [id, the label the log must show]. */
  targets: Record<string, [string, string]>;
  keyId: string;
  keyName: string;
}

/** One record of every kind audit events point at, each named after `tag`. */
async function createNamedRecords(tenant: TestTenant, tag: string): Promise<NamedRecords> {
  const [created] = await createTestCases(tenant, [`${tag} printer jams`]);
  return withPrivilegedDb("test fixture", async (db) => {
    const tenantId = tenant.id;
    const customer = await db.customer.create({ data: { tenantId, name: `${tag} Customer Ltd` } });
    const team = await db.team.create({ data: { tenantId, name: `${tag} Support` } });
    const view = await db.savedView.create({ data: { tenantId, name: `${tag} open cases`, shared: true } });
    const key = await db.apiKey.create({ data: { tenantId, name: `${tag} reporting`, prefix: "cb_test", hash: randomUUID(), role: "VIEWER" } });
    const alert = await db.alert.create({ data: { tenantId, title: `${tag} outage`, dedupeKey: randomUUID() } });
    const alertRule = await db.alertRule.create({ data: { tenantId, name: `${tag} backlog`, kind: "BACKLOG", params: { threshold: 10 } } });
    const escalationRule = await db.escalationRule.create({
      data: { tenantId, name: `${tag} urgent`, priority: "URGENT", unassignedMinutes: 15, level: "Tier 2" },
    });
    const feedItem = await db.feedItem.create({ data: { tenantId, title: `${tag} news` } });
    const file = await db.storedFile.create({
      data: { tenantId, purpose: "import", filename: `${tag}-customers.csv`, contentType: "text/csv", size: 0n, sha256: "0".repeat(64), storageKey: `names/${randomUUID()}` },
    });
    const upload = await db.import.create({ data: { tenantId, entity: "customers", fileId: file.id, headers: ["Name"] } });
    const invitation = await db.invitation.create({
      data: { tenantId, email: `${tag.toLowerCase()}-invitee@example.test`, role: "AGENT", tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const canned = await db.cannedResponse.create({ data: { tenantId, title: `${tag} greeting`, body: "Hello", shared: true } });
    const macro = await db.macro.create({ data: { tenantId, name: `${tag} escalate`, actions: { priority: "URGENT" }, shared: true } });
    const job = await db.job.create({ data: { tenantId, type: "cases.wake-snoozed-tenant", payload: {}, runAt: new Date(Date.now() + 86_400_000) } });
    const owner = tenant.users.OWNER;
    return {
      keyId: key.id,
      keyName: key.name,
      targets: {
        case: [created!.id, `#${created!.number} ${tag} printer jams`],
        customer: [customer.id, customer.name],
        team: [team.id, team.name],
        saved_view: [view.id, view.name],
        canned_response: [canned.id, canned.title],
        macro: [macro.id, macro.name],
        api_key: [key.id, key.name],
        alert: [alert.id, alert.title],
        alert_rule: [alertRule.id, alertRule.name],
        escalation_rule: [escalationRule.id, escalationRule.name],
        feed_item: [feedItem.id, feedItem.title],
        file: [file.id, file.filename],
        import: [upload.id, `Import of ${file.filename}`],
        invitation: [invitation.id, invitation.email],
        job: [job.id, "Waking snoozed cases"],
        user: [owner.id, owner.name],
        tenant: [tenant.id, `Tenant ${tenant.slug}`],
      },
    };
  });
}

/** Audit events written as a request would, with the IP a Node socket reports for IPv4. */
async function audit(tenantId: string, events: { action: string; targetType?: string; targetId?: string; diff?: Record<string, unknown>; actor?: Actor }[], ip = "::ffff:203.0.113.9") {
  await runWithContext({ requestId: randomUUID(), ip }, () =>
    withPrivilegedDb("test fixture", async (db) => {
      for (const e of events) await recordAudit(db, { tenantId, actor: e.actor ?? { type: "system", id: "system" }, ...e });
    }),
  );
}

let a: TestTenant;
let b: TestTenant;
let aRecords: NamedRecords;
let bRecords: NamedRecords;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("names-a"), createTestTenant("names-b")]);
  aRecords = await createNamedRecords(a, "Alpha");
  bRecords = await createNamedRecords(b, "Bravo");
});

describe("audit log names", () => {
  it("names the target of every target type in use, and the actor (member, API key, system)", async () => {
    const types = Object.keys(aRecords.targets);
    await audit(a.id, types.map((type) => ({ action: `test.named.${type}`, targetType: type, targetId: aRecords.targets[type]![0] })));
    await audit(a.id, [
      { action: "test.actor.member", actor: { type: "user", id: a.users.AGENT.id } },
      { action: "test.actor.key", actor: { type: "apiKey", id: aRecords.keyId } },
    ]);
    const admin = await callerFor(a.users.ADMIN, a.slug);
    const named = (await admin.audit.list({ action: "test.named.", limit: 100 })).items;
    expect(named).toHaveLength(types.length);
    for (const event of named) {
      const type = event.targetType!;
      expect(event.target, type).toMatchObject({ type, id: aRecords.targets[type]![0], label: aRecords.targets[type]![1], deleted: false });
      expect(event.actor).toMatchObject({ type: "system", name: "System" });
    }
    const actors = (await admin.audit.list({ action: "test.actor.", limit: 10 })).items;
    expect(actors.find((e) => e.action === "test.actor.member")!.actor).toEqual({
      type: "user",
      id: a.users.AGENT.id,
      name: a.users.AGENT.name,
      detail: a.users.AGENT.email,
    });
    expect(actors.find((e) => e.action === "test.actor.key")!.actor).toMatchObject({ type: "apiKey", name: aRecords.keyName });
  });

  it("shows a deleted target as deleted, and never another tenant's names", async () => {
    const doomed = await withPrivilegedDb("test fixture", (db) => db.team.create({ data: { tenantId: a.id, name: "Short-lived team" } }));
    await audit(a.id, [{ action: "test.deleted.team", targetType: "team", targetId: doomed.id }]);
    await withPrivilegedDb("test fixture", (db) => db.team.deleteMany({ where: { tenantId: a.id, id: doomed.id } }));

    const types = Object.keys(bRecords.targets);
    // A's events that point at B's rows: as a forged or stale id would.
    await audit(a.id, [
      ...types.map((type) => ({ action: `test.foreign.${type}`, targetType: type, targetId: bRecords.targets[type]![0] })),
      { action: "test.foreign.actor", actor: { type: "user", id: b.users.OWNER.id } },
      { action: "test.foreign.key", actor: { type: "apiKey", id: bRecords.keyId } },
      { action: "case.assigned", targetType: "case", targetId: aRecords.targets.case![0], diff: { from: b.users.OWNER.id, to: a.users.AGENT.id, teamId: bRecords.targets.team![0] } },
    ]);
    const admin = await callerFor(a.users.ADMIN, a.slug);
    const [deleted] = (await admin.audit.list({ action: "test.deleted.", limit: 5 })).items;
    expect(deleted!.target).toMatchObject({ label: "Deleted team", deleted: true });

    const foreign = (await admin.audit.list({ action: "test.foreign.", limit: 100 })).items;
    const assignedEvents = (await admin.audit.list({ action: "case.assigned", limit: 5 })).items;
    const text = JSON.stringify([...foreign, ...assignedEvents].map((e) => [e.actor, e.target, e.changes]));
    expect(text).not.toMatch(/Bravo|names-b/);
    expect(text).not.toContain(b.users.OWNER.name);
    for (const e of foreign.filter((e) => e.targetType)) {
      expect(e.target!.deleted, e.action).toBe(true);
    }
    expect(foreign.find((e) => e.action === "test.foreign.actor")!.actor.name).toBe("Former member");
    expect(foreign.find((e) => e.action === "test.foreign.key")!.actor.name).toBe("Deleted API key");
    // A diff naming B's member and team shows neither.
    expect(assignedEvents[0]!.changes.toSorted((x, y) => x.field.localeCompare(y.field))).toEqual([
      { field: "assigneeId", label: "Assignee", before: "Former member", after: a.users.AGENT.name, changed: true },
      { field: "teamId", label: "Team", before: null, after: "Deleted team", changed: false },
    ]);
  });

  it("shows diffs as before → after with names, IPs without ::ffff:, dates in the tenant's time zone", async () => {
    const tenant = await createTestTenant("names-diff");
    await withPrivilegedDb("test fixture", (db) =>
      db.tenant.update({ where: { id: tenant.id }, data: { settings: tenantSettingsSchema.parse({ timeZone: "Asia/Tokyo" }) } }),
    );
    const team = await withPrivilegedDb("test fixture", (db) => db.team.create({ data: { tenantId: tenant.id, name: "Billing" } }));
    await audit(tenant.id, [
      { action: "case.assigned", targetType: "case", diff: { from: null, to: tenant.users.AGENT.id } },
      { action: "case.status_changed", targetType: "case", diff: { from: "OPEN", to: "IN_PROGRESS" } },
      { action: "member.role_changed", targetType: "user", targetId: tenant.users.AGENT.id, diff: { role: { from: "AGENT", to: "ADMIN" } } },
      { action: "alert.assigned", targetType: "alert", diff: { from: { assigneeId: null, teamId: null }, to: { assigneeId: null, teamId: team.id } } },
      { action: "tenant.deletion_scheduled", targetType: "tenant", targetId: tenant.id, diff: { deletionScheduledFor: "2026-12-01T00:00:00.000Z", graceDays: 30 } },
    ]);
    await audit(tenant.id, [{ action: "test.ipv6" }], "2001:db8::1");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const items = (await owner.audit.list({ limit: 20 })).items;
    const of = (action: string) => items.find((e) => e.action === action)!;
    expect(of("case.assigned").changes).toEqual([{ field: "assigneeId", label: "Assignee", before: null, after: tenant.users.AGENT.name, changed: true }]);
    expect(of("case.status_changed").changes).toEqual([{ field: "status", label: "Status", before: "Open", after: "In progress", changed: true }]);
    expect(of("member.role_changed").changes).toEqual([{ field: "role", label: "Role", before: "Agent", after: "Admin", changed: true }]);
    expect(of("member.role_changed").target).toMatchObject({ label: tenant.users.AGENT.name, detail: tenant.users.AGENT.email });
    expect(of("alert.assigned").changes).toEqual([
      { field: "teamId", label: "Team", before: null, after: "Billing", changed: true },
    ]);
    // jsonb keeps its own key order.
    expect(of("tenant.deletion_scheduled").changes.toSorted((x, y) => x.field.localeCompare(y.field))).toEqual([
      { field: "deletionScheduledFor", label: "Deletion scheduled for", before: null, after: "Dec 1, 2026, 9:00 AM", changed: false },
      { field: "graceDays", label: "Grace days", before: null, after: "30", changed: false },
    ]);
    expect(of("case.assigned").ip).toBe("203.0.113.9");
    expect(of("test.ipv6").ip).toBe("2001:db8::1");
  });
});
