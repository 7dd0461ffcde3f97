// Domain events become feed items where they happen: alerts firing, coming back and resolving
// (SLA breach waves on their own), imports ending, members joining, escalation rule runs. Each
// posts one item per event however often it is posted, in the change's transaction, and tells
// open pages by id.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { evaluateAlertRules } from "@/server/services/alert-rules/evaluate-rules";
import { enqueue } from "@/server/jobs/queue";
import { escalateByRulesForTenantJob } from "@/server/jobs/tasks/escalate-by-rules";
import { readJob, runOnly } from "@/server/jobs/test-kit";
import { runImportJobs, uploadOk } from "@/server/services/imports/import-test-kit";
import { createTestAlert, createTestAlertRule } from "@/test/alert-fixtures";
import { createEscalationRows, createTestTeam } from "@/test/escalation-fixtures";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { SYSTEM_ITEM_TTL_MS } from "@/lib/validations/feed";
import { postAlertFired, postAlertResolved, postEscalation, postImportFinished, postNewMember, postSlaBreachWave } from "./feed-events";

let tenant: TestTenant;
beforeEach(async () => {
  tenant = await createTestTenant("feed-events");
});

const itemsOf = (tenantId = tenant.id) =>
  withPrivilegedDb("test check", (db) =>
    db.feedItem.findMany({
      where: { tenantId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, title: true, body: true, link: true, priority: true, audienceKind: true, audienceValue: true, authorId: true, expiresAt: true, createdAt: true },
    }),
  );

const feedEventsOf = (entityId: string) =>
  withPrivilegedDb("test check", (db) => db.realtimeEvent.findMany({ where: { tenantId: tenant.id, entityId }, select: { kind: true, data: true } }));

const asTenant = <T>(fn: Parameters<typeof withTenantDb<T>>[1]) => withTenantDb(tenant.id, fn);

describe("alerts", () => {
  it("a CRITICAL alert is a HIGH item for everyone, a WARNING one for its team NORMAL, an INFO one none; linked to the alert", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const teamId = await createTestTeam(tenant, "On call", [tenant.users.AGENT.id]);
    const critical = (await agent.alerts.create({ title: "Checkout down", description: "5xx on checkout", severity: "CRITICAL" })).alert;
    const warning = (await agent.alerts.create({ title: "Queue slow", severity: "WARNING", teamId })).alert;
    await agent.alerts.create({ title: "Nightly sync done", severity: "INFO" });

    const items = await itemsOf();
    expect(items).toMatchObject([
      { kind: "ALERT_FIRED", title: "Checkout down", body: "5xx on checkout", link: `/alerts?alert=${critical.id}`, priority: "HIGH", audienceKind: "EVERYONE", audienceValue: null, authorId: null },
      { kind: "ALERT_FIRED", title: "Queue slow", link: `/alerts?alert=${warning.id}`, priority: "NORMAL", audienceKind: "TEAM", audienceValue: teamId },
    ]);
    // System items expire a week after they are posted.
    const lifetime = items[0]!.expiresAt!.getTime() - items[0]!.createdAt.getTime();
    expect(Math.abs(lifetime - SYSTEM_ITEM_TTL_MS)).toBeLessThan(60_000);
    expect(await feedEventsOf(items[0]!.id)).toEqual([{ kind: "feed.created", data: {} }]);
    // Members read it through the feed.
    expect((await (await callerFor(tenant.users.VIEWER, tenant.slug)).feed.list({})).items.map((i) => i.title)).toEqual(["Checkout down"]);
  });

  it("resolving posts a LOW item with the note; reopening, or firing again once resolved, posts the alert again", async () => {
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const { alert } = await agent.alerts.create({ title: "Disk full", severity: "WARNING", dedupeKey: "disk" });
    await agent.alerts.acknowledge({ id: alert.id });
    await agent.alerts.resolve({ id: alert.id, note: "Old logs removed" });
    await agent.alerts.reopen({ id: alert.id });
    await agent.alerts.resolve({ id: alert.id });
    // A recurrence of an open alert is the same episode: nothing new. Of a resolved one: fired again.
    await agent.alerts.create({ title: "Disk full", severity: "CRITICAL", dedupeKey: "disk" });
    await agent.alerts.create({ title: "Disk full", severity: "CRITICAL", dedupeKey: "disk" });

    expect((await itemsOf()).map((i) => [i.kind, i.priority, i.title, i.body])).toEqual([
      ["ALERT_FIRED", "NORMAL", "Disk full", ""],
      ["ALERT_RESOLVED", "LOW", "Resolved: Disk full", "Old logs removed"],
      ["ALERT_FIRED", "NORMAL", "Disk full", ""],
      ["ALERT_RESOLVED", "LOW", "Resolved: Disk full", ""],
      ["ALERT_FIRED", "HIGH", "Disk full", ""],
    ]);
  });

  it("Alertmanager's firing and resolved alerts post as well, once per delivery however often it is retried", async () => {
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "AGENT" }));
    const delivery = (status: "firing" | "resolved") => ({
      version: "4",
      status,
      alerts: [{ status, labels: { alertname: "DiskFull", severity: "critical" }, annotations: { summary: "Disk almost full" }, fingerprint: "fp1" }],
    });
    await key.alerts.alertmanager(delivery("firing"));
    await key.alerts.alertmanager(delivery("firing"));
    await key.alerts.alertmanager(delivery("resolved"));
    await key.alerts.alertmanager(delivery("resolved"));
    expect((await itemsOf()).map((i) => [i.kind, i.title])).toEqual([
      ["ALERT_FIRED", "Disk almost full"],
      ["ALERT_RESOLVED", "Resolved: Disk almost full"],
    ]);
  });

  it("an SLA_BREACHES rule's alert is an SLA breach wave, not an alert item", async () => {
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await withPrivilegedDb("test fixture", (db) => db.case.create({ data: { tenantId: tenant.id, title: "Late", resolutionDueAt: new Date(minute.getTime() - 10 * 60_000) } }));
    await createTestAlertRule(tenant, { name: "Breaches", kind: "SLA_BREACHES", params: { threshold: 1, windowMinutes: 60 }, severity: "CRITICAL", cooldownMinutes: 0 });
    await asTenant((db) => evaluateAlertRules(db, minute));
    expect(await itemsOf()).toMatchObject([{ kind: "SLA_BREACH_WAVE", priority: "HIGH", title: expect.stringMatching(/^Breaches: /), link: expect.stringMatching(/^\/alerts\?alert=/) }]);
  });

  it("each alert hook posts one item for one event, however often it is called", async () => {
    const alertId = await createTestAlert(tenant, { title: "Twice told", severity: "CRITICAL" });
    const at = new Date();
    const ids = await asTenant(async (db) => [
      await postAlertFired(db, alertId, at),
      await postAlertFired(db, alertId, at),
      await postAlertResolved(db, alertId, at),
      await postAlertResolved(db, alertId, at),
      await postSlaBreachWave(db, { id: alertId, title: "Wave", description: "", severity: "WARNING", teamId: null }, new Date(at.getTime() + 1)),
      await postSlaBreachWave(db, { id: alertId, title: "Wave", description: "", severity: "WARNING", teamId: null }, new Date(at.getTime() + 1)),
    ]);
    expect(ids.map((id) => id !== null)).toEqual([true, false, true, false, true, false]);
    expect((await itemsOf()).map((i) => i.kind).sort()).toEqual(["ALERT_FIRED", "ALERT_RESOLVED", "SLA_BREACH_WAVE"]);
    // A retried call in a transaction that then fails posts nothing either.
    await expect(asTenant(async (db) => {
      await postAlertFired(db, alertId, new Date(at.getTime() + 2));
      throw new Error("rolled back");
    })).rejects.toThrow("rolled back");
    expect(await itemsOf()).toHaveLength(3);
  });
});

describe("imports", () => {
  it("a finished import posts its counts, linked to the import; a failed one says so; once each", async () => {
    const key = await createTestApiKey(tenant, { role: "ADMIN" });
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const uploaded = await uploadOk(key, "Title,Priority\nPrinter on fire,high\nok,normal\nFine title,nonsense\n", { entity: "cases" });
    await admin.imports.setMapping({ id: uploaded.id, mapping: { title: "Title", priority: "Priority" } });
    await runImportJobs();
    expect(await itemsOf()).toMatchObject([
      { kind: "IMPORT_FINISHED", title: "Import of cases finished: 1 imported, 0 duplicates, 2 rejected", link: `/imports?import=${uploaded.id}`, audienceKind: "ROLE", audienceValue: "ADMIN" },
    ]);

    const ids = await asTenant(async (db) => [
      await postImportFinished(db, { id: uploaded.id, entity: "cases", status: "SUCCEEDED", counts: {} }),
      await postImportFinished(db, { id: uploaded.id, entity: "cases", status: "FAILED", counts: {} }),
      await postImportFinished(db, { id: uploaded.id, entity: "cases", status: "FAILED", counts: {} }),
      await postImportFinished(db, { id: uploaded.id, entity: "cases", status: "CANCELLED", counts: {} }),
    ]);
    expect(ids.map((id) => id !== null)).toEqual([false, true, false, false]);
    expect((await itemsOf()).map((i) => i.title)).toEqual(["Import of cases finished: 1 imported, 0 duplicates, 2 rejected", "Import of cases failed"]);
  });
});

describe("members", () => {
  it("accepting an invitation posts who joined, with a realtime event from the privileged path; once per event", async () => {
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    const email = `joiner-${randomUUID().slice(0, 8)}@example.test`;
    const issued = await admin.invitations.create({ email, role: "AGENT" });
    const invitee = await withPrivilegedDb("test fixture", async (db) => {
      const u = await db.user.create({ data: { email, name: "Jo Joiner", passwordHash: "x" } });
      return { id: u.id, email: u.email, name: u.name, platformRole: null };
    });
    await (await callerFor(invitee)).invitations.accept({ token: issued.url.split("/invite/")[1]! });

    const [item] = await itemsOf();
    expect(await itemsOf()).toMatchObject([{ kind: "NEW_MEMBER", title: "Jo Joiner joined as an agent", link: "/settings/members", priority: "LOW", audienceKind: "EVERYONE" }]);
    expect(await feedEventsOf(item!.id)).toEqual([{ kind: "feed.created", data: {} }]);

    const at = new Date();
    const again = await asTenant(async (db) => [
      await postNewMember(db, { userId: invitee.id, role: "VIEWER", at }),
      await postNewMember(db, { userId: invitee.id, role: "VIEWER", at }),
    ]);
    expect(again.map((id) => id !== null)).toEqual([true, false]);
  });
});

describe("escalations", () => {
  it("one item per rule run, not per case, for the rule's team; a run that escalates nothing posts nothing", async () => {
    const { teamId } = await createEscalationRows(tenant); // URGENT unassigned 15 minutes → Tier 2 and the team
    const old = new Date(Date.now() - 20 * 60_000);
    await withPrivilegedDb("test fixture", (db) =>
      db.case.createMany({ data: [1, 2, 3].map((n) => ({ tenantId: tenant.id, title: `Urgent ${n}`, priority: "URGENT" as const, createdAt: old })) }),
    );
    // As the recurring job runs it: as the system, in the tenant's transaction.
    for (const escalated of [3, 0]) {
      const id = await enqueue(escalateByRulesForTenantJob, {}, { tenantId: tenant.id });
      await runOnly([escalateByRulesForTenantJob.type]);
      expect((await readJob(id)).result).toMatchObject({ escalated });
    }
    const items = await itemsOf();
    expect(items).toMatchObject([{ kind: "ESCALATION", priority: "NORMAL", link: `/cases?teamId=${teamId}`, audienceKind: "TEAM", audienceValue: teamId }]);
    expect(items[0]!.title).toMatch(/^3 cases escalated to Tier 2 \(Escalations /);

    const rule = { id: randomUUID(), name: "Any", level: "Management", unassignedMinutes: 60, team: null };
    const now = new Date();
    const posted = await asTenant(async (db) => [
      await postEscalation(db, { rule, caseIds: ["a"], at: now }),
      await postEscalation(db, { rule, caseIds: ["a"], at: now }),
      await postEscalation(db, { rule, caseIds: [], at: new Date(now.getTime() + 1) }),
    ]);
    expect(posted.map((id) => id !== null)).toEqual([true, false, false]);
    expect((await itemsOf()).at(-1)).toMatchObject({ title: "1 case escalated to Management", link: "/cases", audienceKind: "EVERYONE" });
  });
});
