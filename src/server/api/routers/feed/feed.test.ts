// The feed: its order and keyset pages, who reads which item (every audience kind, managers, API
// keys), expiry, the in-app link guard, roles, system items' locked content, versions, and the
// audit events and realtime events every write leaves.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestTeam } from "@/test/escalation-fixtures";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";
import { createTestFeedItem } from "@/test/feed-fixtures";

type Caller = Awaited<ReturnType<typeof callerFor>>;

let tenant: TestTenant;
let owner: Caller;
let admin: Caller;
let agent: Caller;
let viewer: Caller;
/** A team of the "Retail" business unit with the tenant's agent in it. */
let retailTeamId: string;

const HOUR = 60 * 60_000;
const inHours = (n: number) => new Date(Date.now() + n * HOUR);

const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

const auditActions = (targetId: string) =>
  withPrivilegedDb("test check", (db) => db.auditEvent.findMany({ where: { tenantId: tenant.id, targetId }, select: { action: true }, orderBy: { seq: "asc" } })).then(
    (rows) => rows.map((r) => r.action),
  );

const eventsOf = (entityId: string) =>
  withPrivilegedDb("test check", (db) => db.realtimeEvent.findMany({ where: { tenantId: tenant.id, entityId }, select: { kind: true, data: true }, orderBy: { seq: "asc" } }));

beforeAll(async () => {
  tenant = await createTestTenant("feed");
  owner = await callerFor(tenant.users.OWNER, tenant.slug);
  admin = await callerFor(tenant.users.ADMIN, tenant.slug);
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
  viewer = await callerFor(tenant.users.VIEWER, tenant.slug);
  retailTeamId = await createTestTeam(tenant, "Retail desk", [tenant.users.AGENT.id]);
  await withPrivilegedDb("test fixture", async (db) => {
    await db.tenant.update({ where: { id: tenant.id }, data: { settings: { businessUnits: ["Retail", "Wholesale"] } } });
    await db.team.updateMany({ where: { id: retailTeamId }, data: { businessUnit: "Retail" } });
  });
});

describe("order and pages", () => {
  it("lists pinned first, then by priority, newest first, id last; keyset pages of `limit` cover every item once", async () => {
    const own = await createTestTenant("feed-order");
    const manager = await callerFor(own.users.ADMIN, own.slug);
    const post = (title: string, priority: "LOW" | "NORMAL" | "HIGH" | "PINNED") => manager.feed.create({ title, priority }).then((i) => i.id);
    const low = await post("Low one", "LOW");
    const normal1 = await post("Normal one", "NORMAL");
    const pinned = await post("Pinned one", "PINNED");
    const normal2 = await post("Normal two", "NORMAL");
    const high = await post("High one", "HIGH");
    // Two items posted in the same millisecond: the id decides, across a page boundary too.
    const at = new Date(Date.now() - HOUR);
    const tieA = await createTestFeedItem(own, { title: "Tie A", createdAt: at });
    const tieB = await createTestFeedItem(own, { title: "Tie B", createdAt: at });
    const [tieNewer, tieOlder] = tieA > tieB ? [tieA, tieB] : [tieB, tieA];
    const expected = [pinned, high, normal2, normal1, tieNewer, tieOlder, low];

    expect(idsOf(await manager.feed.list({}))).toEqual(expected);
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await manager.feed.list({ limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...idsOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual(expected);
    }
    const members = await callerFor(own.users.VIEWER, own.slug);
    expect((await members.feed.list({ limit: 7 })).nextCursor).toBeNull();
  });

  it("filters by kind and audience kind; refuses a forged cursor and a limit over 100", async () => {
    const own = await createTestTenant("feed-filter");
    const manager = await callerFor(own.users.OWNER, own.slug);
    const note = await manager.feed.create({ title: "For agents", audienceKind: "ROLE", audienceValue: "AGENT" });
    const system = await createTestFeedItem(own, { kind: "IMPORT_FINISHED", title: "Import of cases finished" });
    expect(idsOf(await manager.feed.list({ kind: ["IMPORT_FINISHED"] }))).toEqual([system]);
    expect(idsOf(await manager.feed.list({ kind: ["ANNOUNCEMENT", "IMPORT_FINISHED"] })).sort()).toEqual([note.id, system].sort());
    expect(idsOf(await manager.feed.list({ audienceKind: "ROLE" }))).toEqual([note.id]);
    const forged = Buffer.from(JSON.stringify({ p: "SUPER", at: new Date().toISOString(), id: system })).toString("base64url");
    await expectAppError(manager.feed.list({ cursor: forged }), "BAD_REQUEST", "INVALID_CURSOR");
    await expectAppError(manager.feed.list({ limit: 101 }), "BAD_REQUEST");
  });
});

describe("audiences", () => {
  let items: Record<string, string>;

  beforeAll(async () => {
    const post = (title: string, audienceKind: "EVERYONE" | "BUSINESS_UNIT" | "TEAM" | "ROLE", audienceValue?: string) =>
      admin.feed.create({ title, audienceKind, audienceValue }).then((i) => i.id);
    items = {
      everyone: await post("For everyone", "EVERYONE"),
      team: await post("For the retail desk", "TEAM", retailTeamId),
      retail: await post("For retail", "BUSINESS_UNIT", "Retail"),
      wholesale: await post("For wholesale", "BUSINESS_UNIT", "Wholesale"),
      viewers: await post("For viewers and up", "ROLE", "VIEWER"),
      agents: await post("For agents and up", "ROLE", "AGENT"),
      admins: await post("For admins and up", "ROLE", "ADMIN"),
    };
  });

  const visible = async (caller: Caller) => {
    const listed = new Set(idsOf(await caller.feed.list({ limit: 100 })));
    return Object.entries(items).filter(([, id]) => listed.has(id)).map(([name]) => name).sort();
  };

  it("a member reads EVERYONE, their team, their teams' business units and roles at or below their own", async () => {
    expect(await visible(agent)).toEqual(["agents", "everyone", "retail", "team", "viewers"]);
    // The viewer is in no team and ranks lowest.
    expect(await visible(viewer)).toEqual(["everyone", "viewers"]);
  });

  it("get answers what list shows, and NOT_FOUND for an item whose audience leaves the caller out", async () => {
    expect(await agent.feed.get({ id: items.team! })).toMatchObject({ title: "For the retail desk", audienceKind: "TEAM", audienceValue: retailTeamId });
    await expectAppError(viewer.feed.get({ id: items.team! }), "NOT_FOUND");
    await expectAppError(viewer.feed.get({ id: items.retail! }), "NOT_FOUND");
    await expectAppError(agent.feed.get({ id: items.admins! }), "NOT_FOUND");
    await expectAppError(agent.feed.get({ id: items.wholesale! }), "NOT_FOUND");
  });

  it("a member who joins the team reads its items from then on", async () => {
    await withPrivilegedDb("test fixture", (db) => db.teamMember.create({ data: { tenantId: tenant.id, teamId: retailTeamId, userId: tenant.users.VIEWER.id } }));
    try {
      expect(await visible(viewer)).toEqual(["everyone", "retail", "team", "viewers"]);
    } finally {
      await withPrivilegedDb("test fixture", (db) => db.teamMember.deleteMany({ where: { teamId: retailTeamId, userId: tenant.users.VIEWER.id } }));
    }
  });

  it("managers (feed:manage) read every item, each saying whom it is for", async () => {
    for (const caller of [admin, owner]) expect(await visible(caller)).toEqual(Object.keys(items).sort());
    const listed = (await admin.feed.list({ limit: 100 })).items.find((i) => i.id === items.retail);
    expect(listed).toMatchObject({ audienceKind: "BUSINESS_UNIT", audienceValue: "Retail", author: { id: tenant.users.ADMIN.id } });
  });

  it("an API key reads with the teams of the member it acts for and its own role; an operator's key has no teams", async () => {
    const forAgent = await createTestApiKey(tenant, { role: "AGENT" });
    await withPrivilegedDb("test fixture", (db) => db.apiKey.updateMany({ where: { tenantId: tenant.id, prefix: forAgent.split("_")[1]! }, data: { authorityUserId: tenant.users.AGENT.id } }));
    expect(await visible(await apiKeyCaller(forAgent))).toEqual(["agents", "everyone", "retail", "team", "viewers"]);
    const operator = await createTestApiKey(tenant, { role: "AGENT" });
    expect(await visible(await apiKeyCaller(operator))).toEqual(["agents", "everyone", "viewers"]);
    const viewerKey = await createTestApiKey(tenant, { role: "VIEWER" });
    expect(await visible(await apiKeyCaller(viewerKey))).toEqual(["everyone", "viewers"]);
  });

  it("checks the audience against the tenant: a unit it lists, a team of its own, a role, no value for everyone", async () => {
    const field = async (call: Promise<unknown>) => (await expectAppError(call, "BAD_REQUEST")).details?.fieldErrors;
    expect(await field(admin.feed.create({ title: "Nope", audienceKind: "BUSINESS_UNIT", audienceValue: "Nowhere" }))).toEqual({
      audienceValue: ["Choose one of: Retail, Wholesale"],
    });
    expect(await field(admin.feed.create({ title: "Nope", audienceKind: "ROLE", audienceValue: "KING" }))).toHaveProperty("audienceValue");
    expect(await field(admin.feed.create({ title: "Nope", audienceKind: "TEAM", audienceValue: "not-a-team" }))).toHaveProperty("audienceValue");
    expect(await field(admin.feed.create({ title: "Nope", audienceKind: "TEAM" }))).toHaveProperty("audienceValue");
    expect(await field(admin.feed.create({ title: "Nope", audienceKind: "EVERYONE", audienceValue: "Retail" }))).toHaveProperty("audienceValue");
    await expectAppError(admin.feed.create({ title: "Nope", audienceKind: "TEAM", audienceValue: crypto.randomUUID() }), "NOT_FOUND");
  });
});

describe("expiry", () => {
  it("an expired item is neither listed nor got, changed or deleted, for members and managers alike", async () => {
    const expired = await createTestFeedItem(tenant, { title: "Yesterday's news", expiresAt: new Date(Date.now() - 1000) });
    const later = await admin.feed.create({ title: "Until tomorrow", expiresAt: inHours(24) });
    for (const caller of [admin, agent]) {
      const listed = idsOf(await caller.feed.list({ limit: 100 }));
      expect(listed).not.toContain(expired);
      expect(listed).toContain(later.id);
      await expectAppError(caller.feed.get({ id: expired }), "NOT_FOUND");
    }
    await expectAppError(admin.feed.update({ id: expired, priority: "PINNED" }), "NOT_FOUND");
    await expectAppError(admin.feed.delete({ id: expired }), "NOT_FOUND");
  });

  it("refuses an expiry that is not in the future, on create and update", async () => {
    const past = new Date(Date.now() - 60_000);
    const created = await expectAppError(admin.feed.create({ title: "Too late", expiresAt: past }), "BAD_REQUEST");
    expect(created.details?.fieldErrors).toEqual({ expiresAt: ["Choose a time in the future"] });
    const item = await admin.feed.create({ title: "On time" });
    const updated = await expectAppError(admin.feed.update({ id: item.id, expiresAt: past }), "BAD_REQUEST");
    expect(updated.details?.fieldErrors).toEqual({ expiresAt: ["Choose a time in the future"] });
    // null clears it: the item stays until deleted.
    const kept = await admin.feed.update({ id: item.id, expiresAt: inHours(2) });
    expect((await admin.feed.update({ id: item.id, version: kept.version, expiresAt: null })).expiresAt).toBeNull();
  });
});

describe("links", () => {
  const BAD = ["//evil.example", "https://evil.example", "/\\evil", "javascript:alert(1)", "evil.example/x", "/\t/evil.example", "/ok path", ""];

  it.each(BAD)("refuses %j as a link (open-redirect guard), on create and update", async (link) => {
    const created = await expectAppError(admin.feed.create({ title: "Click me", link }), "BAD_REQUEST");
    expect(Object.keys(created.details?.fieldErrors ?? {})).toEqual(["link"]);
    const item = await admin.feed.create({ title: "Harmless" });
    const updated = await expectAppError(admin.feed.update({ id: item.id, link }), "BAD_REQUEST");
    expect(Object.keys(updated.details?.fieldErrors ?? {})).toEqual(["link"]);
  });

  it("keeps an in-app path relative to the tenant's root, query and fragment included; null clears it", async () => {
    const item = await admin.feed.create({ title: "See the open cases", link: "/cases?status=OPEN&tag=refund#top" });
    expect(item.link).toBe("/cases?status=OPEN&tag=refund#top");
    expect((await admin.feed.update({ id: item.id, link: null })).link).toBeNull();
  });
});

describe("roles and writes", () => {
  it("agents and viewers read but cannot post, change or delete (PERMISSION_DENIED)", async () => {
    const item = await admin.feed.create({ title: "Admins only write" });
    for (const caller of [agent, viewer]) {
      await expectAppError(caller.feed.create({ title: "Mine" }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.feed.update({ id: item.id, title: "Changed" }), "FORBIDDEN", "PERMISSION_DENIED");
      await expectAppError(caller.feed.delete({ id: item.id }), "FORBIDDEN", "PERMISSION_DENIED");
      expect((await caller.feed.get({ id: item.id })).title).toBe("Admins only write");
    }
    const agentKey = await apiKeyCaller(await createTestApiKey(tenant, { role: "AGENT" }));
    await expectAppError(agentKey.feed.create({ title: "By script" }), "FORBIDDEN", "PERMISSION_DENIED");
  });

  it("create → update → delete: each audited and announced by id only; the author is the caller", async () => {
    const item = await admin.feed.create({ title: "  Office closed Friday  ", body: "**All day.** Cases wait until Monday.", priority: "PINNED" });
    expect(item).toMatchObject({ kind: "ANNOUNCEMENT", title: "Office closed Friday", body: "**All day.** Cases wait until Monday.", priority: "PINNED", audienceKind: "EVERYONE", audienceValue: null, author: { id: tenant.users.ADMIN.id }, version: 1, expiresAt: null, link: null });
    const updated = await owner.feed.update({ id: item.id, version: 1, title: "Office closed Friday and Monday", audienceKind: "TEAM", audienceValue: retailTeamId });
    expect(updated).toMatchObject({ title: "Office closed Friday and Monday", audienceKind: "TEAM", audienceValue: retailTeamId, version: 2 });
    // A change to nothing is no write: no version, no audit, no event.
    expect((await owner.feed.update({ id: item.id, title: "Office closed Friday and Monday" })).version).toBe(2);
    expect((await owner.feed.update({ id: item.id, audienceKind: "TEAM" })).audienceValue).toBe(retailTeamId);
    // A value alone keeps the kind; another kind alone (EVERYONE) needs none.
    expect(await owner.feed.update({ id: item.id, audienceKind: "EVERYONE" })).toMatchObject({ audienceKind: "EVERYONE", audienceValue: null, version: 3 });
    await expectAppError(owner.feed.update({ id: item.id, audienceValue: "Retail" }), "BAD_REQUEST");
    expect(await owner.feed.delete({ id: item.id })).toEqual({ id: item.id });
    await expectAppError(owner.feed.get({ id: item.id }), "NOT_FOUND");

    expect(await auditActions(item.id)).toEqual(["feed_item.created", "feed_item.updated", "feed_item.updated", "feed_item.deleted"]);
    expect(await eventsOf(item.id)).toEqual([
      { kind: "feed.created", data: {} },
      { kind: "feed.updated", data: {} },
      { kind: "feed.updated", data: {} },
      { kind: "feed.deleted", data: {} },
    ]);
  });

  it("an API key posts as the member it acts for", async () => {
    const key = await createTestApiKey(tenant, { role: "ADMIN" });
    await withPrivilegedDb("test fixture", (db) => db.apiKey.updateMany({ where: { tenantId: tenant.id, prefix: key.split("_")[1]! }, data: { authorityUserId: tenant.users.OWNER.id } }));
    expect((await (await apiKeyCaller(key)).feed.create({ title: "From the deploy script" })).author).toEqual({ id: tenant.users.OWNER.id, name: tenant.users.OWNER.name });
  });

  it("writes at the version read: a stale one is CONFLICT with the current item", async () => {
    const item = await admin.feed.create({ title: "Version one" });
    await owner.feed.update({ id: item.id, title: "Version two" });
    const error = await expectAppError(admin.feed.update({ id: item.id, version: 1, title: "Lost update" }), "CONFLICT", "STALE_VERSION");
    expect(error.details?.current).toMatchObject({ title: "Version two", version: 2 });
  });

  it("a system item keeps its content: only its priority and expiry change", async () => {
    const system = await createTestFeedItem(tenant, { kind: "ALERT_FIRED", title: "Checkout errors", link: "/alerts", dedupeKey: `alert:${crypto.randomUUID()}` });
    const refused = await expectAppError(admin.feed.update({ id: system, title: "Rewritten", link: "/cases" }), "BAD_REQUEST", "SYSTEM_ITEM");
    expect(Object.keys(refused.details?.fieldErrors ?? {}).sort()).toEqual(["link", "title"]);
    // The same content sent back is no change, so a form may send the whole item.
    expect(await admin.feed.update({ id: system, title: "Checkout errors", priority: "PINNED", expiresAt: inHours(1) })).toMatchObject({ kind: "ALERT_FIRED", priority: "PINNED", author: null });
    expect(await admin.feed.delete({ id: system })).toEqual({ id: system });
  });
});
