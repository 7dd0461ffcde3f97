// An agent's work on one case: edits under optimistic concurrency, assignment, following,
// replies and notes with @mentions, the timeline, and merging a duplicate.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestCases, createTestTenant, type TestTenant } from "@/test/factories";
import { snapshotTenant } from "@/test/tenant-snapshot";

let tenant: TestTenant;
type Caller = Awaited<ReturnType<typeof callerFor>>;
let agent: Caller;
let owner: Caller;

beforeAll(async () => {
  tenant = await createTestTenant("flow");
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  owner = await callerFor(tenant.users.OWNER, tenant.slug);
});

describe("optimistic concurrency", () => {
  it("a stale update is a CONFLICT with the current case; the first edit is kept", async () => {
    const [created] = await createTestCases(tenant, ["Printer jams"]);
    const readByAgent = await agent.cases.get({ id: created!.id });
    const readByOwner = await owner.cases.get({ id: created!.id });
    const saved = await agent.cases.update({ id: created!.id, version: readByAgent.version, title: "Printer jams on page 2", priority: "HIGH" });
    expect(saved).toMatchObject({ version: readByAgent.version + 1, title: "Printer jams on page 2", priority: "HIGH" });

    const before = await snapshotTenant(tenant.id);
    const error = await expectAppError(owner.cases.update({ id: created!.id, version: readByOwner.version, title: "Owner's title" }), "CONFLICT", "STALE_VERSION");
    expect(error.details?.current).toMatchObject({ id: created!.id, title: "Printer jams on page 2", version: saved.version, priority: "HIGH" });
    expect(await snapshotTenant(tenant.id)).toEqual(before);

    // Retried on the current version it applies.
    const retried = await owner.cases.update({ id: created!.id, version: saved.version, title: "Owner's title" });
    expect(retried).toMatchObject({ title: "Owner's title", version: saved.version + 1, priority: "HIGH" });
  });

  it("two concurrent updates of one version: exactly one wins", async () => {
    const [created] = await createTestCases(tenant, ["Race me"]);
    const results = await Promise.allSettled(
      ["First", "Second", "Third"].map((title) => agent.cases.update({ id: created!.id, version: 1, title: `${title} title` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await agent.cases.get({ id: created!.id })).version).toBe(2);
  });

  it("a priority change moves the SLA targets and is on the timeline", async () => {
    const created = await agent.cases.create({ title: "Slow site", priority: "LOW" });
    const urgent = await agent.cases.update({ id: created.id, version: created.version, priority: "URGENT" });
    expect(urgent.sla.resolution.dueAt!.getTime()).toBeLessThan(created.sla.resolution.dueAt!.getTime());
    const events = (await agent.cases.timeline({ caseId: created.id })).items.filter((i) => i.type === "event").map((i) => i.type === "event" && i.event);
    expect(events).toEqual(["created", "priority_changed"]);
  });

  it("refuses a category outside the tenant's settings", async () => {
    const created = await agent.cases.create({ title: "Category check", category: "Problem" });
    expect(created.category).toBe("Problem");
    const error = await expectAppError(agent.cases.update({ id: created.id, version: created.version, category: "Gossip" }), "BAD_REQUEST");
    expect(error.details?.fieldErrors).toHaveProperty("category");
  });
});

describe("assignment and following", () => {
  it("assigns members only: another tenant's user is NOT_FOUND, a viewer is refused", async () => {
    const [created] = await createTestCases(tenant, ["Assign me"]);
    const other = await createTestTenant("flow-other");
    await expectAppError(agent.cases.assign({ id: created!.id, assigneeId: other.users.AGENT.id }), "NOT_FOUND");
    await expectAppError(agent.cases.assign({ id: created!.id, assigneeId: tenant.users.VIEWER.id }), "BAD_REQUEST");
    const mine = await agent.cases.assign({ id: created!.id, assigneeId: "me" });
    expect(mine.assignee).toEqual({ id: tenant.users.AGENT.id, name: tenant.users.AGENT.name });
    expect((await agent.cases.assign({ id: created!.id, assigneeId: null })).assignee).toBeNull();
  });

  it("follows and unfollows", async () => {
    const [created] = await createTestCases(tenant, ["Follow me"]);
    expect((await agent.cases.follow({ id: created!.id })).followedByMe).toBe(true);
    const withOwner = await agent.cases.follow({ id: created!.id, userId: tenant.users.OWNER.id });
    expect(withOwner.followers.map((f) => f.id).sort()).toEqual([tenant.users.AGENT.id, tenant.users.OWNER.id].sort());
    expect((await agent.cases.unfollow({ id: created!.id })).followedByMe).toBe(false);
  });

  it("a viewer follows and unfollows only for themselves; adding or removing others needs cases:write", async () => {
    const [created] = await createTestCases(tenant, ["Who hears about this"]);
    const viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
    expect((await viewer.cases.follow({ id: created!.id })).followedByMe).toBe(true);
    expect((await viewer.cases.follow({ id: created!.id, userId: tenant.users.VIEWER.id })).followedByMe).toBe(true);
    await agent.cases.follow({ id: created!.id, userId: tenant.users.OWNER.id });
    await expectAppError(viewer.cases.follow({ id: created!.id, userId: tenant.users.AGENT.id }), "FORBIDDEN", "PERMISSION_DENIED");
    await expectAppError(viewer.cases.unfollow({ id: created!.id, userId: tenant.users.OWNER.id }), "FORBIDDEN", "PERMISSION_DENIED");
    expect((await viewer.cases.unfollow({ id: created!.id })).followedByMe).toBe(false);
    const followers = (await agent.cases.get({ id: created!.id })).followers.map((f) => f.id);
    expect(followers).toEqual([tenant.users.OWNER.id]);
    // A viewer's API key is nobody itself: naming any member is following for someone else.
    const viewerKey = await apiKeyCaller(await createTestApiKey(tenant, { role: "VIEWER" }));
    await expectAppError(viewerKey.cases.follow({ id: created!.id, userId: tenant.users.VIEWER.id }), "FORBIDDEN", "PERMISSION_DENIED");
  });
});

describe("messages and mentions", () => {
  it("a note mentioning a member notifies them and makes them a follower", async () => {
    const [created] = await createTestCases(tenant, ["Needs a second pair of eyes"]);
    const ownerHandle = tenant.users.OWNER.email.split("@")[0]!;
    const added = await agent.cases.addMessage({
      caseId: created!.id,
      kind: "INTERNAL_NOTE",
      body: `@${ownerHandle} can you approve a refund? (not @nobody, and not an@email.example)`,
    });
    expect(added.mentioned).toEqual([{ id: tenant.users.OWNER.id, name: tenant.users.OWNER.name }]);
    expect(added.message).toMatchObject({ type: "message", kind: "INTERNAL_NOTE", author: { type: "MEMBER", id: tenant.users.AGENT.id } });

    const detail = await owner.cases.get({ id: created!.id });
    expect(detail.followedByMe).toBe(true);
    expect(detail.followers.map((f) => f.id)).toContain(tenant.users.AGENT.id);
    // A note is not a response to the customer.
    expect(detail.firstRespondedAt).toBeNull();

    const inbox = await owner.notifications.list({ unreadOnly: true });
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({ type: "mention", case: { id: created!.id, number: created!.number }, actor: { id: tenant.users.AGENT.id } });
    // Nobody else got one, and the author is not notified of their own mention.
    expect((await agent.notifications.list({})).items).toEqual([]);
    expect(await owner.notifications.markRead({ ids: [inbox.items[0]!.id] })).toEqual({ updated: 1 });
    expect((await owner.notifications.list({ unreadOnly: true })).unreadCount).toBe(0);
    // Someone else's notification is NOT_FOUND.
    await expectAppError(agent.notifications.markRead({ ids: [inbox.items[0]!.id] }), "NOT_FOUND");
  });

  it("the first public reply records the first response and opens a NEW case; closed cases take no replies", async () => {
    const [created] = await createTestCases(tenant, ["Waiting for a reply"]);
    expect(created!.status).toBe("NEW");
    await agent.cases.addMessage({ caseId: created!.id, kind: "PUBLIC_REPLY", body: "We're on it." });
    const replied = await agent.cases.get({ id: created!.id });
    expect(replied.status).toBe("OPEN");
    expect(replied.firstRespondedAt).toBeInstanceOf(Date);
    expect(replied.sla.firstResponse.state).toBe("met");
    await agent.cases.addMessage({ caseId: created!.id, kind: "PUBLIC_REPLY", body: "Second reply." });
    expect((await agent.cases.get({ id: created!.id })).firstRespondedAt).toEqual(replied.firstRespondedAt);

    await withPrivilegedDb("test fixture", (db) => db.case.updateMany({ where: { id: created!.id }, data: { status: "CLOSED" } }));
    await expectAppError(agent.cases.addMessage({ caseId: created!.id, kind: "PUBLIC_REPLY", body: "Too late" }), "BAD_REQUEST");
    await expect(agent.cases.addMessage({ caseId: created!.id, kind: "INTERNAL_NOTE", body: "Notes are fine" })).resolves.toBeDefined();
  });

  it("pages the timeline in order without gaps or repeats", async () => {
    const [created] = await createTestCases(tenant, ["Long conversation"]);
    for (let i = 0; i < 7; i++) await agent.cases.addMessage({ caseId: created!.id, kind: i % 2 ? "INTERNAL_NOTE" : "PUBLIC_REPLY", body: `Message ${i}` });
    const all = (await agent.cases.timeline({ caseId: created!.id, limit: 200 })).items;
    // created + NEW→OPEN events and 7 messages
    expect(all).toHaveLength(9);
    for (const order of ["asc", "desc"] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof agent.cases.timeline>> = await agent.cases.timeline({ caseId: created!.id, limit: 2, cursor, order });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(order === "asc" ? all.map((i) => i.id) : all.map((i) => i.id).reverse());
    }
  });
});

describe("merge", () => {
  it("moves messages and events into the target, closes the source pointing at it, records both", async () => {
    const [target, source] = await createTestCases(tenant, ["Cannot log in", "Login broken (duplicate)"]);
    await agent.cases.addMessage({ caseId: source!.id, kind: "PUBLIC_REPLY", body: "Reply on the duplicate" });
    await owner.cases.follow({ id: source!.id });
    const sourceItems = (await agent.cases.timeline({ caseId: source!.id })).items;

    const merged = await agent.cases.merge({ sourceId: source!.id, targetId: target!.id });
    expect(merged.source).toMatchObject({ status: "CLOSED", mergedInto: { id: target!.id, number: target!.number } });
    expect(merged.source.closedAt).toBeInstanceOf(Date);
    expect(merged.target.followers.map((f) => f.id)).toEqual(expect.arrayContaining([tenant.users.OWNER.id, tenant.users.AGENT.id]));

    const targetTimeline = (await agent.cases.timeline({ caseId: target!.id, limit: 200 })).items;
    expect(targetTimeline.map((i) => i.id)).toEqual(expect.arrayContaining(sourceItems.map((i) => i.id)));
    expect(targetTimeline.at(-1)).toMatchObject({ type: "event", event: "merged_from", to: { id: source!.id, number: source!.number } });
    const sourceTimeline = (await agent.cases.timeline({ caseId: source!.id })).items;
    expect(sourceTimeline).toEqual([expect.objectContaining({ type: "event", event: "merged_into", to: { id: target!.id, number: target!.number } })]);

    // Merged is final: not again, not into itself, not into a closed case.
    await expectAppError(agent.cases.merge({ sourceId: source!.id, targetId: target!.id }), "BAD_REQUEST");
    await expectAppError(agent.cases.merge({ sourceId: target!.id, targetId: target!.id }), "BAD_REQUEST");
    await expectAppError(agent.cases.merge({ sourceId: target!.id, targetId: source!.id }), "BAD_REQUEST");
  });

  it("rolls back entirely when a version is stale", async () => {
    const [target, source] = await createTestCases(tenant, ["Keep", "Duplicate"]);
    await agent.cases.addMessage({ caseId: source!.id, kind: "PUBLIC_REPLY", body: "Still here" });
    const before = await snapshotTenant(tenant.id);
    await expectAppError(agent.cases.merge({ sourceId: source!.id, targetId: target!.id, targetVersion: 99 }), "CONFLICT");
    expect(await snapshotTenant(tenant.id)).toEqual(before);
  });
});
