// Notification preferences: each member chooses per kind whether it lands in the inbox and
// whether it is mailed immediately or in a daily digest; the choice decides what createNotifications
// stores and what the mail jobs send, and each item is mailed at most once.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { runOnly, sleep } from "@/server/jobs/test-kit";
import { enqueue } from "@/server/jobs/queue";
import { expectAppError } from "@/test/errors";
import { captureMail } from "@/test/mail-capture";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { DIGEST_HOUR } from "@/lib/notification-kinds";
import { notificationDigestForTenantJob, notificationDigestJob, notificationMailJob } from "./notification-mail-jobs";

const mailbox = captureMail();

const agentOf = (t: TestTenant) => callerFor(t.users.AGENT, t.slug);
const adminOf = (t: TestTenant) => callerFor(t.users.ADMIN, t.slug);
const openInbox = async (t: TestTenant) => (await agentOf(t)).notifications.list({ view: "open", limit: 50 });
const allInbox = async (t: TestTenant) => (await agentOf(t)).notifications.list({ view: "all", limit: 50 });

/** A zone where it is DIGEST_HOUR right now (Etc/GMT+X is UTC−X). */
function zoneAtDigestHour(now = new Date()): string {
  let x = now.getUTCHours() - DIGEST_HOUR;
  if (x > 12) x -= 24;
  if (x < -14) x += 24;
  return x === 0 ? "Etc/GMT" : `Etc/GMT${x > 0 ? "+" : ""}${x}`;
}
const zoneNotAtDigestHour = (now = new Date()) => (now.getUTCHours() === DIGEST_HOUR ? "Etc/GMT-1" : "UTC");

describe("notification preferences", () => {
  it("every kind has the default until changed; a change keeps the other kinds; bad input is a field error", async () => {
    const t = await createTestTenant("prefs-basic");
    const agent = await agentOf(t);
    const before = await agent.notifications.preferences();
    expect(before.preferences.every((p) => p.inApp && p.email === "off")).toBe(true);
    expect(before.preferences.map((p) => p.kind)).toContain("share");

    const after = await agent.notifications.updatePreferences({ preferences: [{ kind: "mention", inApp: true, email: "immediate" }] });
    expect(after.preferences.find((p) => p.kind === "mention")).toEqual({ kind: "mention", inApp: true, email: "immediate" });
    expect(after.preferences.filter((p) => p.kind !== "mention").every((p) => p.inApp && p.email === "off")).toBe(true);
    // Someone else's preferences are untouched.
    expect((await (await adminOf(t)).notifications.preferences()).preferences.find((p) => p.kind === "mention")!.email).toBe("off");

    await expectAppError(
      agent.notifications.updatePreferences({ preferences: [{ kind: "mention", inApp: true, email: "off" }, { kind: "mention", inApp: false, email: "off" }] }),
      "BAD_REQUEST",
    );
    await expectAppError(agent.notifications.updatePreferences({ preferences: [{ kind: "nope" as "mention", inApp: true, email: "off" }] }), "BAD_REQUEST");
    await expectAppError(agent.notifications.updatePreferences({ preferences: [{ kind: "mention", inApp: true, email: "hourly" as "off" }] }), "BAD_REQUEST");
  });

  it("an API key has no preferences", async () => {
    const t = await createTestTenant("prefs-key");
    const key = await apiKeyCaller(await createTestApiKey(t), t.slug);
    await expectAppError(key.notifications.preferences(), "FORBIDDEN");
  });

  it("leave the tenant with their member", async () => {
    const t = await createTestTenant("prefs-leave");
    await (await agentOf(t)).notifications.updatePreferences({ preferences: [{ kind: "assigned", inApp: false, email: "digest" }] });
    await (await callerFor(t.users.OWNER, t.slug)).members.remove({ userId: t.users.AGENT.id });
    const left = await withPrivilegedDb("test check", (db) => db.notificationPreference.count({ where: { tenantId: t.id } }));
    expect(left).toBe(0);
  });
});

describe("what a preference does to new notifications", () => {
  it("in-app and e-mail off: nothing is stored", async () => {
    const t = await createTestTenant("prefs-off");
    await (await agentOf(t)).notifications.updatePreferences({ preferences: [{ kind: "assigned", inApp: false, email: "off" }] });
    const [c] = await createTestCases(t, ["Quiet case"]);
    await (await adminOf(t)).cases.assign({ id: c!.id, assigneeId: t.users.AGENT.id });
    expect((await allInbox(t)).items).toEqual([]);
    await runOnly([notificationMailJob.type]);
    expect(mailbox.sent).toEqual([]);
  });

  it("immediate mail: one message per item, with the case and its link, sent once however often the job runs", async () => {
    const t = await createTestTenant("prefs-now");
    await (await agentOf(t)).notifications.updatePreferences({ preferences: [{ kind: "assigned", inApp: true, email: "immediate" }] });
    const [c] = await createTestCases(t, ["Printer on fire"]);
    await (await adminOf(t)).cases.assign({ id: c!.id, assigneeId: t.users.AGENT.id });
    expect((await openInbox(t)).items).toHaveLength(1);

    await runOnly([notificationMailJob.type]);
    expect(mailbox.sent).toHaveLength(1);
    expect(mailbox.sent[0]!.to).toBe(t.users.AGENT.email);
    expect(mailbox.sent[0]!.subject).toContain("Printer on fire");
    expect(mailbox.sent[0]!.subject).toContain(t.users.ADMIN.name);
    expect(mailbox.sent[0]!.text).toContain(`/t/${t.slug}/cases/`);

    // A second job for the same items (a retry, a duplicate) mails nothing more.
    const ids = (await openInbox(t)).items.map((n) => n.id);
    await enqueue(notificationMailJob, { ids }, { tenantId: t.id });
    await runOnly([notificationMailJob.type]);
    expect(mailbox.sent).toHaveLength(1);
  });

  it("a send that fails part-way: the retry mails only what had not gone out", async () => {
    const t = await createTestTenant("prefs-partway");
    await (await agentOf(t)).notifications.updatePreferences({ preferences: [{ kind: "assigned", inApp: true, email: "immediate" }] });
    const cases = await createTestCases(t, ["Goes out at once", "Refused by the server once"]);
    // One job for both notifications, as a bulk assignment makes.
    await (await adminOf(t)).cases.bulkUpdate({ target: { ids: cases.map((c) => c.id) }, assigneeId: t.users.AGENT.id });
    let refusals = 0;
    mailbox.refuse = (m) => m.subject.includes("Refused by the server once") && refusals++ === 0;
    // The first attempt fails on the refused mail; the retry (due within tens of milliseconds, in
    // this run or the next) sends what is left.
    await runOnly([notificationMailJob.type]);
    await sleep(150);
    await runOnly([notificationMailJob.type]);
    expect(refusals).toBeGreaterThan(0);
    const subjects = mailbox.sent.map((m) => (m.subject.includes("Goes out at once") ? "first" : m.subject.includes("Refused by the server once") ? "second" : m.subject));
    // Each mail exactly once: the one that went out before the failure is not sent again.
    expect(subjects.sort()).toEqual(["first", "second"]);
    const job = await withPrivilegedDb("test check", (db) => db.job.findFirstOrThrow({ where: { tenantId: t.id, type: notificationMailJob.type } }));
    expect(job).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("immediate mail of an alert routed to the member: its title, nobody named as its author", async () => {
    const t = await createTestTenant("prefs-alert");
    await (await agentOf(t)).notifications.updatePreferences({ preferences: [{ kind: "alert", inApp: true, email: "immediate" }] });
    await (await adminOf(t)).alerts.create({ title: "Checkout errors above 5%", assigneeId: t.users.AGENT.id });
    expect((await openInbox(t)).items.map((n) => [n.type, n.alert?.title])).toEqual([["alert", "Checkout errors above 5%"]]);
    await runOnly([notificationMailJob.type]);
    expect(mailbox.sent.map((m) => [m.to, m.subject])).toEqual([[t.users.AGENT.email, `[Tenant ${t.slug}] Alert: Checkout errors above 5%`]]);
    expect(mailbox.sent[0]!.text).toContain(`/t/${t.slug}/alerts`);
  });

  it("e-mail only: stored out of the open inbox (no badge), and mailed", async () => {
    const t = await createTestTenant("prefs-mailonly");
    await (await agentOf(t)).notifications.updatePreferences({ preferences: [{ kind: "assigned", inApp: false, email: "immediate" }] });
    const [c] = await createTestCases(t, ["Mail me only"]);
    await (await adminOf(t)).cases.assign({ id: c!.id, assigneeId: t.users.AGENT.id });
    const open = await openInbox(t);
    expect(open.items).toEqual([]);
    expect(open.unreadCount).toBe(0);
    await runOnly([notificationMailJob.type]);
    expect(mailbox.sent.map((m) => m.to)).toEqual([t.users.AGENT.email]);
  });

  it("a change that rolls back mails nobody", async () => {
    const t = await createTestTenant("prefs-rollback");
    await (await agentOf(t)).notifications.updatePreferences({ preferences: [{ kind: "assigned", inApp: true, email: "immediate" }] });
    const [c] = await createTestCases(t, ["Stale assignment"]);
    // A stale version fails the assignment after nothing was written.
    await expectAppError((await adminOf(t)).cases.assign({ id: c!.id, assigneeId: t.users.AGENT.id, version: 99 }), "CONFLICT");
    await runOnly([notificationMailJob.type]);
    expect(mailbox.sent).toEqual([]);
    const jobs = await withPrivilegedDb("test check", (db) => db.job.count({ where: { tenantId: t.id, type: notificationMailJob.type } }));
    expect(jobs).toBe(0);
  });
});

describe("daily digest", () => {
  async function digestTenant(label: string, timeZone: string) {
    const t = await createTestTenant(label);
    // Settings are parsed with defaults, so the time zone alone is a valid value.
    await withPrivilegedDb("test fixture", (db) => db.tenant.update({ where: { id: t.id }, data: { settings: { timeZone } } }));
    await (await agentOf(t)).notifications.updatePreferences({ preferences: [{ kind: "assigned", inApp: true, email: "digest" }] });
    const cases = await createTestCases(t, ["Digest one", "Digest two", "Digest three"]);
    const admin = await adminOf(t);
    for (const c of cases) await admin.cases.assign({ id: c.id, assigneeId: t.users.AGENT.id });
    return t;
  }

  it("one mail per member with their unread items, sent once; read items are left out", async () => {
    const t = await digestTenant("digest-one", "UTC");
    const agent = await agentOf(t);
    const read = (await openInbox(t)).items.find((n) => n.case?.title === "Digest one")!;
    await agent.notifications.update({ ids: [read.id], action: "read" });

    await enqueue(notificationDigestForTenantJob, {}, { tenantId: t.id });
    await runOnly([notificationDigestForTenantJob.type]);
    expect(mailbox.sent).toHaveLength(1);
    expect(mailbox.sent[0]!.to).toBe(t.users.AGENT.email);
    expect(mailbox.sent[0]!.subject).toContain("2 notifications");
    expect(mailbox.sent[0]!.text).toContain("Digest two");
    expect(mailbox.sent[0]!.text).toContain("Digest three");
    expect(mailbox.sent[0]!.text).not.toContain("Digest one");

    await enqueue(notificationDigestForTenantJob, {}, { tenantId: t.id });
    await runOnly([notificationDigestForTenantJob.type]);
    expect(mailbox.sent).toHaveLength(1);
  });

  it("the hourly task starts a tenant's digest at its local digest hour, or when an item waited a day", async () => {
    // The zones are chosen for the current hour: never within a few seconds of the next one, or
    // the job would run in another hour than the one they were chosen for.
    const toNextHour = 3_600_000 - (Date.now() % 3_600_000);
    if (toNextHour < 20_000) await new Promise((resolve) => setTimeout(resolve, toNextHour + 200));
    const due = await digestTenant("digest-due", zoneAtDigestHour());
    const notYet = await digestTenant("digest-notyet", zoneNotAtDigestHour());
    const overdue = await digestTenant("digest-overdue", zoneNotAtDigestHour());
    await withPrivilegedDb("test fixture", (db) =>
      db.notification.updateMany({ where: { tenantId: overdue.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } }),
    );

    await enqueue(notificationDigestJob, {});
    await runOnly([notificationDigestJob.type]);
    const enqueued = await withPrivilegedDb("test check", (db) =>
      db.job.findMany({ where: { type: notificationDigestForTenantJob.type, tenantId: { in: [due.id, notYet.id, overdue.id] } }, select: { tenantId: true } }),
    );
    expect(enqueued.map((j) => j.tenantId).sort()).toEqual([due.id, overdue.id].sort());

    await runOnly([notificationDigestForTenantJob.type]);
    expect(mailbox.sent.map((m) => m.to).sort()).toEqual([due.users.AGENT.email, overdue.users.AGENT.email].sort());
  });
});
