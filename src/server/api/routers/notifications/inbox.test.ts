// The inbox: what lands in it (mentions, assignments by others, replies on followed cases), its
// views (open, snoozed, done) and actions, the badge count, and that a member only ever touches
// their own items.
import { describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { openStream } from "@/test/realtime-stream";

const inboxOf = async (tenant: TestTenant, role: keyof TestTenant["users"], view: "open" | "snoozed" | "done" | "all" = "open") =>
  (await callerFor(tenant.users[role], tenant.slug)).notifications.list({ view, limit: 50 });

describe("what lands in the inbox", () => {
  it("a case assigned by someone else, not one taken oneself", async () => {
    const tenant = await createTestTenant("inbox-assign");
    const [c, d] = await createTestCases(tenant, ["Assigned to Ava", "Taken by Ava"]);
    await (await callerFor(tenant.users.ADMIN, tenant.slug)).cases.assign({ id: c!.id, assigneeId: tenant.users.AGENT.id });
    await (await callerFor(tenant.users.AGENT, tenant.slug)).cases.assign({ id: d!.id, assigneeId: tenant.users.AGENT.id });
    const inbox = await inboxOf(tenant, "AGENT");
    expect(inbox.items.map((n) => [n.type, n.case?.id, n.actor?.id])).toEqual([["assigned", c!.id, tenant.users.ADMIN.id]]);
    expect(inbox.unreadCount).toBe(1);
  });

  it("a public reply on a followed case, for every follower but its author and those it mentions; not a note", async () => {
    const tenant = await createTestTenant("inbox-reply");
    const [c] = await createTestCases(tenant, ["Followed case"]);
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    for (const userId of [tenant.users.AGENT.id, tenant.users.VIEWER.id, tenant.users.OWNER.id]) await owner.cases.follow({ id: c!.id, userId });
    const viewerHandle = tenant.users.VIEWER.email.split("@")[0];
    await owner.cases.addMessage({ caseId: c!.id, kind: "PUBLIC_REPLY", body: `Sorted, @${viewerHandle} FYI` });
    await owner.cases.addMessage({ caseId: c!.id, kind: "INTERNAL_NOTE", body: "Internal only" });
    expect((await inboxOf(tenant, "AGENT")).items.map((n) => n.type)).toEqual(["reply"]);
    expect((await inboxOf(tenant, "VIEWER")).items.map((n) => n.type)).toEqual(["mention"]);
    expect((await inboxOf(tenant, "OWNER")).items).toEqual([]);
  });
});

describe("inbox views and actions", () => {
  it("moves items between open, snoozed and done; the badge counts open unread items only; a snooze ends by itself", async () => {
    const tenant = await createTestTenant("inbox-views");
    const cases = await createTestCases(tenant, ["First one", "Second one", "Third one"]);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    for (const c of cases) await admin.cases.assign({ id: c.id, assigneeId: tenant.users.AGENT.id });
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const [n3, n2, n1] = (await inboxOf(tenant, "AGENT")).items.map((n) => n.id);
    expect((await inboxOf(tenant, "AGENT")).unreadCount).toBe(3);

    expect(await agent.notifications.update({ ids: [n1!], action: "done" })).toEqual({ updated: 1 });
    expect(await agent.notifications.snooze({ ids: [n2!], until: new Date(Date.now() + 3_600_000) })).toEqual({ updated: 1 });
    const open = await inboxOf(tenant, "AGENT");
    expect(open.items.map((n) => n.id)).toEqual([n3]);
    expect(open.unreadCount).toBe(1);
    expect((await inboxOf(tenant, "AGENT", "snoozed")).items.map((n) => n.id)).toEqual([n2]);
    const done = (await inboxOf(tenant, "AGENT", "done")).items;
    expect(done.map((n) => n.id)).toEqual([n1]);
    expect(done[0]!.readAt).not.toBeNull();

    // Read and unread again; done is idempotent; undone brings it back (read).
    expect(await agent.notifications.update({ ids: [n3!], action: "read" })).toEqual({ updated: 1 });
    expect((await inboxOf(tenant, "AGENT")).unreadCount).toBe(0);
    expect(await agent.notifications.update({ ids: [n3!], action: "unread" })).toEqual({ updated: 1 });
    expect(await agent.notifications.update({ ids: [n1!], action: "done" })).toEqual({ updated: 0 });
    expect(await agent.notifications.update({ ids: [n1!], action: "undone" })).toEqual({ updated: 1 });
    expect((await inboxOf(tenant, "AGENT")).items.map((n) => n.id).sort()).toEqual([n1, n3].sort());

    // Time passes: the snooze ends and the item is open again, counted if unread.
    await withPrivilegedDb("test fixture", (db) => db.notification.updateMany({ where: { id: n2! }, data: { snoozedUntil: new Date(Date.now() - 1000) } }));
    const back = await inboxOf(tenant, "AGENT");
    expect(back.items.map((n) => n.id)).toContain(n2);
    expect(back.unreadCount).toBe(2);
  });

  it("tells the member's other tabs at once, and nobody else", async () => {
    const tenant = await createTestTenant("inbox-live");
    const [c] = await createTestCases(tenant, ["Live inbox"]);
    await (await callerFor(tenant.users.ADMIN, tenant.slug)).cases.assign({ id: c!.id, assigneeId: tenant.users.AGENT.id });
    const [id] = (await inboxOf(tenant, "AGENT")).items.map((n) => n.id);
    const [mine, theirs] = [
      await openStream({ user: tenant.users.AGENT, slug: tenant.slug }),
      await openStream({ user: tenant.users.ADMIN, slug: tenant.slug }),
    ];
    await Promise.all([mine.next(), theirs.next()]);
    await (await callerFor(tenant.users.AGENT, tenant.slug)).notifications.update({ ids: [id!], action: "done" });
    expect((await mine.readUntil((m) => m.type === "event")).at(-1)).toMatchObject({ kind: "notification.updated", entityId: id });
    // Nothing about it (their stream is only told who is online, as every member's is).
    expect((await theirs.drain(300)).filter((m) => m.type !== "online")).toEqual([]);
    mine.close();
    theirs.close();
  });

  it("refuses another member's items and an API key (which has none) as NOT_FOUND, changing nothing", async () => {
    const tenant = await createTestTenant("inbox-own");
    const [c] = await createTestCases(tenant, ["Only Ava's"]);
    await (await callerFor(tenant.users.ADMIN, tenant.slug)).cases.assign({ id: c!.id, assigneeId: tenant.users.AGENT.id });
    const [id] = (await inboxOf(tenant, "AGENT")).items.map((n) => n.id);
    const colleague = await callerFor(tenant.users.OWNER, tenant.slug);
    await expectAppError(colleague.notifications.update({ ids: [id!], action: "done" }), "NOT_FOUND");
    await expectAppError(colleague.notifications.snooze({ ids: [id!], until: null }), "NOT_FOUND");
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "ADMIN" }));
    await expectAppError(key.notifications.update({ ids: [id!], action: "read" }), "NOT_FOUND");
    expect((await inboxOf(tenant, "AGENT")).items[0]).toMatchObject({ id, readAt: null, doneAt: null, snoozedUntil: null });
  });

  it("refuses a snooze in the past or more than a year ahead, beside the field", async () => {
    const tenant = await createTestTenant("inbox-bad");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const id = "01a22a80-0000-7000-8000-000000000000";
    const past = await expectAppError(agent.notifications.snooze({ ids: [id], until: new Date(Date.now() - 60_000) }), "BAD_REQUEST");
    expect(past.details).toEqual({ fieldErrors: { until: ["Choose a time in the future"] } });
    const far = await expectAppError(agent.notifications.snooze({ ids: [id], until: new Date(Date.now() + 400 * 86_400_000) }), "BAD_REQUEST");
    expect(far.details).toEqual({ fieldErrors: { until: ["Choose a time within a year"] } });
  });
});
