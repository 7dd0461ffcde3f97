// Search analytics: each search recorded once (normalised text, kinds, results, surface, who), each
// result opened from one of the caller's own searches recorded with its position (anyone else's
// search, or another tenant's, is NOT_FOUND), the report's figures, recent searches per member, and
// the 90-day purge across tenants.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { enqueue } from "@/server/jobs/queue";
import { readJob, runOnly } from "@/server/jobs/test-kit";
import { purgeSearchEventsJob } from "@/server/jobs/tasks/purge-search-events";
import { withTenantDb } from "@/server/db/tenant-db";
import { normaliseQuery, recordSearch, REFINEMENT_WINDOW_MS } from "@/server/services/search/analytics";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";

let a: TestTenant;
let b: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;
let viewer: Awaited<ReturnType<typeof callerFor>>;
let admin: Awaited<ReturnType<typeof callerFor>>;
let printerCase: string;

const events = (tenantId: string) =>
  withPrivilegedDb("test read", (db) =>
    db.searchEvent.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" }, include: { opens: { select: { position: true, kind: true, targetId: true } } } }),
  );

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("search-analytics-a"), createTestTenant("search-analytics-b")]);
  agent = await callerFor(a.users.AGENT, a.slug);
  viewer = await callerFor(a.users.VIEWER, a.slug);
  admin = await callerFor(a.users.ADMIN, a.slug);
  printerCase = (await agent.cases.create({ title: "Printer on fire", description: "Smoke" })).id;
  await agent.cases.create({ title: "Printer jam", description: "Tray two" });
});

describe("search analytics", () => {
  it("records each search once, normalised, with its kinds, filters, results, surface and searcher", async () => {
    const before = (await events(a.id)).length;
    const result = await agent.search.query({ q: "  PRINTER   fire ", surface: "palette" });
    await viewer.search.query({ q: "zeppelin", kinds: ["case"], surface: "page", status: ["OPEN", "NEW"], tag: [] });
    const key = await apiKeyCaller(await createTestApiKey(a, { role: "AGENT" }));
    // A key is a script, whatever it says.
    await key.search.query({ q: "printer", surface: "page" });
    const rows = (await events(a.id)).slice(before);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ id: result.searchId, userId: a.users.AGENT.id, query: "printer fire", kinds: ["case", "customer"], filters: {}, resultCount: 1, surface: "PALETTE" });
    expect(rows[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    // The filters it was narrowed by, empty fields left out.
    expect(rows[1]).toMatchObject({ userId: a.users.VIEWER.id, query: "zeppelin", kinds: ["case"], filters: { status: ["OPEN", "NEW"] }, resultCount: 0, surface: "PAGE" });
    expect(rows[2]).toMatchObject({ userId: null, query: "printer", surface: "API" });
    expect(normaliseQuery("\tA  b\nC ")).toBe("a b c");
  });

  it("counts a query refined while typing once: each pause's search replaces the one it extends or shortens", async () => {
    const tenant = await createTestTenant("search-analytics-typing");
    const member = await callerFor(tenant.users.AGENT, tenant.slug);
    const first = await member.search.query({ q: "arr", surface: "palette" });
    await member.search.query({ q: "arrived", surface: "palette" });
    await member.search.query({ q: "arrived dam", surface: "palette" });
    const last = await member.search.query({ q: "Arrived damaged", surface: "palette" });
    expect(last.searchId).toBe(first.searchId);
    // Not a refinement: another text, another surface, or the same text again.
    await member.search.query({ q: "refund", surface: "palette" });
    await member.search.query({ q: "refund", surface: "palette" });
    await member.search.query({ q: "arrived", surface: "page" });
    expect((await events(tenant.id)).map((e) => [e.query, e.surface])).toEqual([
      ["arrived damaged", "PALETTE"],
      ["refund", "PALETTE"],
      ["refund", "PALETTE"],
      ["arrived", "PAGE"],
    ]);
    // A search a result was opened from stays as it was.
    const opened = await member.search.query({ q: "ref", surface: "page" });
    await member.search.recordOpen({ searchId: opened.searchId, position: 1, kind: "case", id: tenant.id });
    expect((await member.search.query({ q: "refund", surface: "page" })).searchId).not.toBe(opened.searchId);
    // Past the window, a longer text is a new search.
    const later = new Date(Date.now() + REFINEMENT_WINDOW_MS + 1_000);
    const id = await withTenantDb(tenant.id, (db) =>
      recordSearch(db, { userId: tenant.users.AGENT.id, q: "refund policy", kinds: ["case"], resultCount: 0, latencyMs: 1, surface: "PAGE" }, later),
    );
    expect((await events(tenant.id)).map((e) => e.id)).toContain(id);
    expect((await events(tenant.id)).filter((e) => e.surface === "PAGE").map((e) => e.query)).toEqual(["arrived", "ref", "refund", "refund policy"]);
  });

  it("records a result opened from the caller's own search, with its position; any other search is NOT_FOUND", async () => {
    const mine = await agent.search.query({ q: "printer", surface: "palette" });
    expect(await agent.search.recordOpen({ searchId: mine.searchId, position: 2, kind: "case", id: printerCase })).toEqual({ ok: true });
    const row = (await events(a.id)).find((e) => e.id === mine.searchId)!;
    expect(row.opens).toEqual([{ position: 2, kind: "case", targetId: printerCase }]);

    // Another member's search, another tenant's, and one that does not exist.
    await expectAppError(viewer.search.recordOpen({ searchId: mine.searchId, position: 1, kind: "case", id: printerCase }), "NOT_FOUND");
    const bOwner = await callerFor(b.users.OWNER, b.slug);
    const theirs = await bOwner.search.query({ q: "anything" });
    await expectAppError(agent.search.recordOpen({ searchId: theirs.searchId, position: 1, kind: "case", id: printerCase }), "NOT_FOUND");
    await expectAppError(agent.search.recordOpen({ searchId: "0192b4a8-0000-7000-8000-000000000000", position: 1, kind: "case", id: printerCase }), "NOT_FOUND");
    await expectAppError(agent.search.recordOpen({ searchId: mine.searchId, position: 0, kind: "case", id: printerCase }), "BAD_REQUEST");
    expect((await events(b.id)).flatMap((e) => e.opens)).toEqual([]);
  });

  it("offers a member their own recent searches, newest first and once each; keys have none", async () => {
    const tenant = await createTestTenant("search-analytics-recent");
    const me = await callerFor(tenant.users.AGENT, tenant.slug);
    const other = await callerFor(tenant.users.VIEWER, tenant.slug);
    for (const q of ["refund", "printer", "Refund ", "invoice"]) await me.search.query({ q });
    await other.search.query({ q: "secret of another member" });
    expect((await me.search.recent({ limit: 6 })).map((r) => r.query)).toEqual(["invoice", "refund", "printer"]);
    expect((await me.search.recent({ limit: 1 })).map((r) => r.query)).toEqual(["invoice"]);
    const key = await apiKeyCaller(await createTestApiKey(tenant, { role: "AGENT" }));
    await expectAppError(key.search.recent({ limit: 6 }), "FORBIDDEN");
  });

  it("reports searches per day, top queries with click-through and position, and queries that find nothing", async () => {
    const tenant = await createTestTenant("search-analytics-report");
    const owner = await callerFor(tenant.users.OWNER, tenant.slug);
    const member = await callerFor(tenant.users.AGENT, tenant.slug);
    const caseId = (await owner.cases.create({ title: "Refund for order 17", description: "" })).id;
    const first = await member.search.query({ q: "refund", surface: "palette" });
    await member.search.recordOpen({ searchId: first.searchId, position: 1, kind: "case", id: caseId });
    await member.search.recordOpen({ searchId: first.searchId, position: 3, kind: "case", id: caseId });
    await member.search.query({ q: "Refund", surface: "page" });
    await owner.search.query({ q: "refund", surface: "page" });
    await member.search.query({ q: "zeppelin" });
    await member.search.query({ q: "zeppelin" });
    await owner.search.query({ q: "nothing here" });

    const report = await (await callerFor(tenant.users.ADMIN, tenant.slug)).search.analytics({ days: 7 });
    expect(report.totals).toMatchObject({ searches: 6, withOpens: 1, noResults: 3, searchers: 2 });
    expect(report.totals.p50LatencyMs).toEqual(expect.any(Number));
    expect(report.bySurface).toEqual([
      { surface: "PAGE", searches: 2 },
      { surface: "PALETTE", searches: 1 },
      { surface: "API", searches: 3 },
    ]);
    expect(report.daily).toHaveLength(7);
    expect(report.daily.at(-1)).toMatchObject({ day: new Date().toISOString().slice(0, 10), searches: 6, withOpens: 1, noResults: 3 });
    expect(report.daily.slice(0, -1).every((d) => d.searches === 0)).toBe(true);
    expect(report.topQueries[0]).toMatchObject({ query: "refund", searches: 3, withOpens: 1, meanPosition: 2, meanResults: 1 });
    expect(report.topQueries[0]!.clickThrough).toBeCloseTo(1 / 3);
    expect(report.topQueries.map((q) => q.query)).toEqual(["refund", "zeppelin", "nothing here"]);
    expect(report.noResultQueries.map((q) => [q.query, q.searches])).toEqual([
      ["zeppelin", 2],
      ["nothing here", 1],
    ]);
    // Narrowed to queries containing a text; LIKE's wildcards are taken literally.
    expect((await owner.search.analytics({ days: 7, contains: "ZEP" })).topQueries.map((q) => q.query)).toEqual(["zeppelin"]);
    expect((await owner.search.analytics({ days: 7, contains: "%" })).totals.searches).toBe(0);
  });

  it("is for those who read the audit log: agents and viewers are refused", async () => {
    await expectAppError(agent.search.analytics({ days: 30 }), "FORBIDDEN");
    await expectAppError(viewer.search.analytics({ days: 30 }), "FORBIDDEN");
    expect((await admin.search.analytics({ days: 30 })).days).toBe(30);
    await expectAppError(admin.search.analytics({ days: 31 }), "BAD_REQUEST");
  });

  it("keeps 90 days: the daily purge deletes older searches of every tenant, with their opens", async () => {
    const [x, y] = await Promise.all([createTestTenant("search-purge-x"), createTestTenant("search-purge-y")]);
    const xs = await (await callerFor(x.users.AGENT, x.slug)).search.query({ q: "old" });
    const ys = await (await callerFor(y.users.AGENT, y.slug)).search.query({ q: "old too" });
    const fresh = await (await callerFor(x.users.AGENT, x.slug)).search.query({ q: "new" });
    await (await callerFor(x.users.AGENT, x.slug)).search.recordOpen({ searchId: xs.searchId, position: 1, kind: "customer", id: x.id });
    const days = (n: number) => new Date(Date.now() - n * 86_400_000);
    await withPrivilegedDb("test age", async (db) => {
      await db.searchEvent.updateMany({ where: { id: { in: [xs.searchId, ys.searchId] } }, data: { createdAt: days(91) } });
      await db.searchEvent.updateMany({ where: { id: fresh.searchId }, data: { createdAt: days(89) } });
    });
    const id = await enqueue(purgeSearchEventsJob, { batch: 1 });
    await runOnly([purgeSearchEventsJob.type]);
    expect((await readJob(id)).status).toBe("SUCCEEDED");
    const left = await withPrivilegedDb("test read", (db) => db.searchEvent.findMany({ where: { tenantId: { in: [x.id, y.id] } }, select: { id: true } }));
    expect(left.map((r) => r.id)).toEqual([fresh.searchId]);
    expect(await withPrivilegedDb("test read", (db) => db.searchOpen.count({ where: { searchId: xs.searchId } }))).toBe(0);
  });
});
