// The realtime layer end to end, through the router as a client uses it: what a change writes to
// the log (and what a rollback does not), what a stream delivers, to whom, in which order, after a
// gap, and when it ends. Runs on the embedded database (memory bus) and, in CI, on PostgreSQL with
// Redis (the bus of several instances).
import { describe, expect, it, vi } from "vitest";
import type { LoggedEvent, RealtimeMessage } from "@/lib/realtime/events";
import { openDatabase } from "@/server/db/connection";
import { getDatabase, setDatabase } from "@/server/db/database";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { logger } from "@/server/logger";
import { closedPort } from "@/test/tcp-proxy";
import { getBus } from "./bus";
import { withTenantDb } from "@/server/db/tenant-db";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestApiKey, createTestCases, createTestTenant } from "@/test/factories";
import { openStream } from "@/test/realtime-stream";
import { emitEvents } from "./emit";
import { headSeq, readEvents } from "./event-log";
import { getHub } from "./hub";
import { forgetCachedCredentials } from "@/server/auth/auth-cache";

const isEvent = (m: RealtimeMessage): m is LoggedEvent => m.type === "event";
const eventsOf = (ms: RealtimeMessage[]) => ms.filter(isEvent).map((m) => [m.kind, m.entityId]);

async function versionOf(slug: string, user: Parameters<typeof callerFor>[0], id: string) {
  return (await (await callerFor(user, slug)).cases.get({ id })).version;
}

describe("event log", () => {
  it("appends in the change's transaction, numbered without gaps; a rolled-back change leaves nothing", async () => {
    const tenant = await createTestTenant("rt-log");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const before = await withTenantDb(tenant.id, headSeq);
    const created = await agent.cases.create({ title: "Printer on fire" });
    await expect(
      withTenantDb(tenant.id, async () => {
        emitEvents({ kind: "case.updated", entityId: created.id, data: { change: "doomed" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await agent.cases.update({ id: created.id, version: created.version, priority: "HIGH" });

    const events = await withTenantDb(tenant.id, (db) => readEvents(db, before, 100));
    expect(events.map((e) => [e.seq, e.kind, e.entityId, e.data.change])).toEqual([
      [before + 1, "case.created", created.id, "created"],
      [before + 2, "case.updated", created.id, "priority_changed"],
    ]);
    // Ids and a change name only: nothing a role might not be allowed to read.
    expect(Object.keys(events[1]!.data)).toEqual(["change"]);
  });

  it("keeps seq order and no gaps under concurrent changes", async () => {
    const tenant = await createTestTenant("rt-conc");
    const cases = await createTestCases(tenant, ["Case one", "Case two", "Case three", "Case four", "Case five", "Case six"]);
    const before = await withTenantDb(tenant.id, headSeq);
    await Promise.all(
      cases.map(async (c) => (await callerFor(tenant.users.AGENT, tenant.slug)).cases.update({ id: c.id, version: c.version, priority: "LOW" })),
    );
    const events = await withTenantDb(tenant.id, (db) => readEvents(db, before, 100));
    expect(events.map((e) => e.seq)).toEqual(cases.map((_, i) => before + i + 1));
    expect(new Set(events.map((e) => e.entityId))).toEqual(new Set(cases.map((c) => c.id)));
  });
});

describe("event stream", () => {
  it("delivers a colleague's changes live, then exactly what was missed after a reconnect, in order", async () => {
    const tenant = await createTestTenant("rt-live");
    const [c] = await createTestCases(tenant, ["Shared case"]);
    const colleague = await callerFor(tenant.users.ADMIN, tenant.slug);
    const stream = await openStream({ user: tenant.users.AGENT, slug: tenant.slug });
    const ready = await stream.next();
    expect(ready).toMatchObject({ type: "ready", missed: false });

    await colleague.cases.addMessage({ caseId: c!.id, kind: "INTERNAL_NOTE", body: "Looking into it" });
    const live = await stream.readUntil(isEventOf("case.message_added"));
    expect(eventsOf(live)).toEqual([["case.message_added", c!.id]]);
    const resumeFrom = stream.lastId!;
    stream.close();

    // Offline: three changes happen.
    let version = await versionOf(tenant.slug, tenant.users.ADMIN, c!.id);
    for (const priority of ["HIGH", "URGENT"] as const) {
      version = (await colleague.cases.update({ id: c!.id, version, priority })).version;
    }
    const [d] = await createTestCases(tenant, ["Another"]);
    const again = await openStream({ user: tenant.users.AGENT, slug: tenant.slug }, resumeFrom);
    const caughtUp = await again.readUntil((m) => m.type === "ready");
    expect(caughtUp.at(-1)).toMatchObject({ type: "ready", missed: false });
    // The catch-up reads the log up to where this instance's feed had got when the stream joined;
    // a change committed just before (its wake-up still on its way over NOTIFY or Redis) follows
    // live, right after "ready". Either way: each once, in order.
    const received = eventsOf(caughtUp).some(([kind]) => kind === "case.created")
      ? caughtUp
      : [...caughtUp, ...(await again.readUntil(isEventOf("case.created")))];
    expect(eventsOf(received)).toEqual([
      ["case.updated", c!.id],
      ["case.updated", c!.id],
      ["case.created", d!.id],
    ]);
    const seqs = received.filter(isEvent).map((e) => e.seq);
    expect(seqs).toEqual([Number(resumeFrom) + 1, Number(resumeFrom) + 2, Number(resumeFrom) + 3]);
    // Nothing twice: what was caught up is not delivered again live (a member's stream is also told
    // who is online once it is caught up; online-stream.test.ts covers that).
    expect((await again.drain(300)).filter((m) => m.type !== "online")).toEqual([]);
    again.close();
  });

  it("never delivers another tenant's events, and refuses another tenant's slug", async () => {
    const [a, b] = [await createTestTenant("rt-iso-a"), await createTestTenant("rt-iso-b")];
    const outsider = await openStream({ user: b.users.OWNER, slug: b.slug });
    await outsider.next();
    const [secret] = await createTestCases(a, ["A's secret"]);
    await (await callerFor(a.users.AGENT, a.slug)).cases.addMessage({ caseId: secret!.id, kind: "PUBLIC_REPLY", body: "hello" });
    const [mine] = await createTestCases(b, ["B's own"]);
    const seen = await outsider.readUntil((m) => isEvent(m) && m.entityId === mine!.id);
    expect(eventsOf(seen)).toEqual([["case.created", mine!.id]]);
    outsider.close();

    // B's owner naming A's slug: not a member, so no such tenant.
    await expectAppError(openStream({ user: b.users.OWNER, slug: a.slug }), "NOT_FOUND");
  });

  it("sends a notification to its recipient only", async () => {
    const tenant = await createTestTenant("rt-notify");
    const [c] = await createTestCases(tenant, ["Mention me"]);
    const [viewer, agent] = [
      await openStream({ user: tenant.users.VIEWER, slug: tenant.slug }),
      await openStream({ user: tenant.users.AGENT, slug: tenant.slug }),
    ];
    await Promise.all([viewer.next(), agent.next()]);
    const handle = tenant.users.VIEWER.email.split("@")[0];
    await (await callerFor(tenant.users.ADMIN, tenant.slug)).cases.addMessage({ caseId: c!.id, kind: "INTERNAL_NOTE", body: `@${handle} please look` });
    const toViewer = await viewer.readUntil(isEventOf("case.message_added"));
    const toAgent = await agent.readUntil(isEventOf("case.message_added"));
    expect(toViewer.filter(isEvent).map((e) => e.kind).sort()).toEqual(["case.message_added", "notification.created"]);
    expect(toAgent.filter(isEvent).map((e) => e.kind)).toEqual(["case.message_added"]);
    expect(await agent.drain(200)).toEqual([]);
    viewer.close();
    agent.close();
  });

  it("ends when the member is removed, and the hub lets go of the stream", async () => {
    const tenant = await createTestTenant("rt-remove");
    const stream = await openStream({ user: tenant.users.AGENT, slug: tenant.slug });
    await stream.next();
    const listening = getHub().stats().listeners;
    await (await callerFor(tenant.users.ADMIN, tenant.slug)).members.remove({ userId: tenant.users.AGENT.id });
    const rest: RealtimeMessage[] = [];
    for (;;) {
      const m = await stream.next(5_000);
      if (m === "ended") break;
      rest.push(m);
    }
    // It saw its own removal (an id and no role), then the stream ended.
    expect(eventsOf(rest)).toEqual([["member.changed", tenant.users.AGENT.id]]);
    expect(getHub().stats().listeners).toBe(listening - 1);
    // And it cannot come back.
    await expectAppError(openStream({ user: tenant.users.AGENT, slug: tenant.slug }), "NOT_FOUND");
  });

  it("serves API keys (the key's tenant), and a revoked key cannot open one", async () => {
    const tenant = await createTestTenant("rt-key");
    const key = await createTestApiKey(tenant, { role: "VIEWER" });
    const stream = await openStream({ apiKey: key });
    expect(await stream.next()).toMatchObject({ type: "ready" });
    const [c] = await createTestCases(tenant, ["Seen by a script"]);
    expect(eventsOf(await stream.readUntil(isEvent))).toEqual([["case.created", c!.id]]);
    stream.close();
    await withPrivilegedDb("test fixture", (db) => db.apiKey.updateMany({ where: { tenantId: tenant.id }, data: { revokedAt: new Date() } }));
    forgetCachedCredentials(); // a direct edit is not announced to the credential cache
    await expectAppError(openStream({ apiKey: key }), "UNAUTHORIZED");
  });

  it("gives a key none of its authority's notifications, and ends the key's stream when that member is removed", async () => {
    const tenant = await createTestTenant("rt-key-auth");
    const key = await createTestApiKey(tenant, { role: "AGENT" });
    await withPrivilegedDb("test fixture", (db) =>
      db.apiKey.updateMany({ where: { tenantId: tenant.id }, data: { authorityUserId: tenant.users.AGENT.id, createdById: tenant.users.AGENT.id } }),
    );
    const stream = await openStream({ apiKey: key });
    await stream.next();
    const [c] = await createTestCases(tenant, ["Key and its member"]);
    await (await callerFor(tenant.users.ADMIN, tenant.slug)).cases.assign({ id: c!.id, assigneeId: tenant.users.AGENT.id });
    const seen = await stream.readUntil((m) => isEvent(m) && m.kind === "case.updated");
    expect(seen.filter(isEvent).map((m) => m.kind)).not.toContain("notification.created");
    await (await callerFor(tenant.users.OWNER, tenant.slug)).members.remove({ userId: tenant.users.AGENT.id });
    for (;;) {
      const m = await stream.next(5_000);
      if (m === "ended") break;
      expect(m.type === "event" ? m.kind : m.type).not.toBe("notification.created");
    }
  });

  it("says so when the client's last event is not in the log (too old, or from elsewhere)", async () => {
    const tenant = await createTestTenant("rt-missed");
    await createTestCases(tenant, ["one"]);
    const ahead = await openStream({ user: tenant.users.AGENT, slug: tenant.slug }, "999999");
    expect(await ahead.next()).toMatchObject({ type: "ready", missed: true, seq: 1 });
    ahead.close();
    await withPrivilegedDb("test fixture", (db) => db.realtimeEvent.deleteMany({ where: { tenantId: tenant.id } }));
    const old = await openStream({ user: tenant.users.AGENT, slug: tenant.slug }, "0");
    expect(await old.next()).toMatchObject({ type: "ready", missed: true, seq: 1 });
    old.close();
  });

  it("refuses a malformed last event id with a field error", async () => {
    const tenant = await createTestTenant("rt-bad");
    const error = await expectAppError(openStream({ user: tenant.users.AGENT, slug: tenant.slug }, "1; DROP TABLE"), "BAD_REQUEST");
    expect(JSON.stringify(error.details)).toContain("lastEventId");
  });
});

describe("database outage", () => {
  it("keeps the stream open while the log cannot be read, says so once, and delivers what it missed when the database is back", async () => {
    const tenant = await createTestTenant("rt-outage");
    const stream = await openStream({ user: tenant.users.AGENT, slug: tenant.slug });
    await stream.next();
    const warn = vi.spyOn(logger, "warn");
    const info = vi.spyOn(logger, "info");
    const original = getDatabase();
    const down = await openDatabase({ url: `postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`, poolSize: 1, connectTimeoutMs: 500 });
    try {
      setDatabase(Promise.resolve(down));
      for (const seq of [1_000_001, 1_000_002]) {
        await getBus().publish({ type: "log", tenantId: tenant.id, seq });
        await new Promise((r) => setTimeout(r, 300));
      }
      const saidDown = warn.mock.calls.filter(([, msg]) => msg === "realtime feed could not read the event log");
      expect(saidDown).toHaveLength(1);
    } finally {
      setDatabase(original);
      await down.close().catch(() => undefined);
    }
    const [c] = await createTestCases(tenant, ["After the outage"]);
    expect(eventsOf(await stream.readUntil(isEvent))).toEqual([["case.created", c!.id]]);
    expect(info.mock.calls.some(([, msg]) => msg === "realtime feed reads the event log again")).toBe(true);
    vi.restoreAllMocks();
    stream.close();
  });
});

describe("presence", () => {
  it("shows who is on a case to the others, replying or viewing, and forgets who left", async () => {
    const tenant = await createTestTenant("rt-presence");
    const [c] = await createTestCases(tenant, ["Busy case"]);
    const watcher = await openStream({ user: tenant.users.OWNER, slug: tenant.slug });
    await watcher.next();
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await agent.realtime.presence({ caseId: c!.id, state: "replying" });
    const shown = await watcher.readUntil((m) => m.type === "presence");
    expect(shown.at(-1)).toEqual({
      type: "presence",
      caseId: c!.id,
      members: [{ userId: tenant.users.AGENT.id, name: tenant.users.AGENT.name, state: "replying" }],
    });
    // A stream opened now is told at once.
    const late = await openStream({ user: tenant.users.ADMIN, slug: tenant.slug });
    expect((await late.readUntil((m) => m.type === "presence")).at(-1)).toMatchObject({ caseId: c!.id, members: [{ state: "replying" }] });
    await agent.realtime.presence({ caseId: c!.id, state: "left" });
    expect((await watcher.readUntil((m) => m.type === "presence")).at(-1)).toEqual({ type: "presence", caseId: c!.id, members: [] });
    watcher.close();
    late.close();
  });

  it("refuses another tenant's case as NOT_FOUND and announces nothing", async () => {
    const [a, b] = [await createTestTenant("rt-pa"), await createTestTenant("rt-pb")];
    const [secret] = await createTestCases(a, ["A only"]);
    const watcher = await openStream({ user: a.users.OWNER, slug: a.slug });
    await watcher.next();
    await expectAppError((await callerFor(b.users.AGENT, b.slug)).realtime.presence({ caseId: secret!.id, state: "viewing" }), "NOT_FOUND");
    expect((await watcher.drain(300)).filter((m) => m.type === "presence")).toEqual([]);
    watcher.close();
  });
});

function isEventOf(kind: LoggedEvent["kind"]) {
  return (m: RealtimeMessage) => isEvent(m) && m.kind === kind;
}
