// Trending topics on a real database: a planted surge ranks first and steady words do not surge;
// numbers and addresses never become topics; baseline days are counted once; the feed hears of a
// big topic once a day and an alert fires when a topic crosses the alert score, not each hour after.
import { beforeEach, describe, expect, it } from "vitest";
import { patchSettingsGroup } from "@/test/ai-settings";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { printerSurge, seedCases, seedCustomerMessage, seedSteadyMonth } from "@/test/trending-fixtures";
import { baselineRange, countDays, missingDays } from "./baseline-days";
import { WORD_LEXEME } from "./topic-terms";
import { computeTrending } from "./compute-trending";
import { getTrendingTopic, listTrending } from "./read-trending";

let tenant: TestTenant;
const now = new Date();
const compute = (at = now) => computeTrending((fn) => withTenantDb(tenant.id, fn), at);
const list = () => withTenantDb(tenant.id, (db) => listTrending(db));
const setTrending = (trending: Record<string, unknown>) => patchSettingsGroup(tenant, "trending", trending);

beforeEach(async () => {
  tenant = await createTestTenant("trending");
});

describe("computeTrending", () => {
  it("ranks a planted surge first, leaves steady words out and drops numbers and addresses", async () => {
    await seedSteadyMonth(tenant, now);
    const ids = await seedCases(tenant, printerSurge(12), now);
    // A customer writing about it on an older case counts that case too.
    const [older] = await seedCases(tenant, [{ title: "Toner order", hoursAgo: 24 * 5 }], now);
    await seedCustomerMessage(tenant, older!, "Our printer jammed as well, please help", 2, now);

    const result = await compute();
    expect(result).toMatchObject({ countedDays: 28, topics: expect.any(Number) });
    const { run, topics } = await list();
    expect(run).toMatchObject({ id: result.runId });
    expect(topics[0]).toMatchObject({ rank: 1, term: "printer jam", label: "printer jammed", cases: 13, baseline: 0 });
    expect(topics[0]!.score).toBeGreaterThan(10);
    const terms = topics.map((t) => t.term);
    // Covered by the phrase; steady all month; a number, an address, a host.
    for (const left of ["printer", "jam", "password", "password reset", "invoic", "reset"]) expect(terms).not.toContain(left);
    for (const term of terms) expect(term).toMatch(/^[a-z -]+$/);
    expect(terms.some((t) => t.includes("bob") || t.includes("example"))).toBe(false);

    const top = topics[0]!;
    expect(top.hourly).toHaveLength(24);
    expect(top.hourly.reduce((a, b) => a + b, 0)).toBe(13);
    expect(Object.values(top.channels).reduce((a, b) => a + b, 0)).toBe(13);
    expect(top.channels).toMatchObject({ CHAT: 4, EMAIL: 9 });
    expect(top.businessUnits).toMatchObject({ Facilities: 6, "": 7 });

    const detail = await withTenantDb(tenant.id, (db) => getTrendingTopic(db, "printer jam"));
    expect(detail.topic!.samples).toHaveLength(10);
    expect(new Set([...ids, older]).has(detail.topic!.samples[0]!.id)).toBe(true);
    await expectAppError(withTenantDb(tenant.id, (db) => getTrendingTopic(db, "no such topic")), "NOT_FOUND");
  });

  it("counts a baseline day once, and a steady surge-sized topic does not surge", async () => {
    // The printer jams every day: 12 a day for a month is its usual, so 12 today is not a trend.
    const rows = [];
    for (let day = 1; day <= 30; day++) rows.push(...printerSurge(12).map((r) => ({ ...r, hoursAgo: r.hoursAgo + day * 24 })));
    await seedCases(tenant, [...rows, ...printerSurge(12)], now);
    expect((await compute()).countedDays).toBe(28);
    expect((await list()).topics.map((t) => t.term)).not.toContain("printer jam");
    expect((await compute(new Date(now.getTime() + 60_000))).countedDays).toBe(0);
    const markers = await withPrivilegedDb("test check", (db) => db.topicDay.count({ where: { tenantId: tenant.id, term: "" } }));
    expect(markers).toBe(28);
  });

  it("counts days the same in one statement as day by day, a case once on each day it mentions a term", async () => {
    await seedSteadyMonth(tenant, now);
    const older = await seedCases(tenant, [{ title: "Toner order", hoursAgo: 24 * 12 }, { title: "Toner order", hoursAgo: 24 * 12 }], now);
    for (const c of older) for (const daysAgo of [10, 9, 9]) await seedCustomerMessage(tenant, c, "The printer jammed again", 24 * daysAgo + 1, now);
    const range = baselineRange(new Date(now.getTime() - 24 * 3_600_000));
    const days = await withTenantDb(tenant.id, (db) => missingDays(db, range));
    expect(days).toHaveLength(28);
    const rows = () =>
      withPrivilegedDb("test read", (db) =>
        db.topicDay.findMany({ where: { tenantId: tenant.id }, orderBy: [{ day: "asc" }, { term: "asc" }], select: { term: true, day: true, cases: true } }),
      );
    await withTenantDb(tenant.id, (db) => countDays(db, tenant.id, days, "english"));
    const together = await rows();
    await withPrivilegedDb("test fixture", (db) => db.topicDay.deleteMany({ where: { tenantId: tenant.id } }));
    for (const day of days) await withTenantDb(tenant.id, (db) => countDays(db, tenant.id, [day], "english"));
    expect(await rows()).toEqual(together);
    expect(together.filter((r) => r.term === "")).toHaveLength(28);
    // Two steady titles a day say "password reset", twice each.
    expect(together.filter((r) => r.term === "password reset").every((r) => r.cases === 4)).toBe(true);
    // Two cases, each mentioning it on two days (twice on the second): 2 cases on each of those days.
    const dayOf = (daysAgo: number) => new Date(now.getTime() - daysAgo * 24 * 3_600_000 - 3_600_000).toISOString().slice(0, 10);
    expect(together.filter((r) => r.term === "printer jam").map((r) => [r.day.toISOString().slice(0, 10), r.cases])).toEqual([
      [dayOf(10), 2],
      [dayOf(9), 2],
    ]);
  });

  it("finishes the days a cut-off attempt left uncounted, with the counts a whole run gives", async () => {
    await seedSteadyMonth(tenant, now);
    await seedCases(tenant, printerSurge(12), now);
    const range = baselineRange(new Date(now.getTime() - 24 * 3_600_000));
    const rows = () =>
      withPrivilegedDb("test read", (db) =>
        db.topicDay.findMany({ where: { tenantId: tenant.id }, orderBy: [{ day: "asc" }, { term: "asc" }], select: { term: true, day: true, cases: true } }),
      );
    // A worker killed (or stopped by SIGTERM) after its first days' transactions committed.
    const days = await withTenantDb(tenant.id, (db) => missingDays(db, range));
    for (const day of days.slice(0, 10)) await withTenantDb(tenant.id, (db) => countDays(db, tenant.id, [day], "english"));
    // The job's next attempt.
    const resumed = await compute();
    expect(resumed.countedDays).toBe(18);
    const afterResume = await rows();
    const topics = (await list()).topics;
    await withPrivilegedDb("test fixture", (db) => db.topicDay.deleteMany({ where: { tenantId: tenant.id } }));
    expect((await compute(new Date(now.getTime() + 60_000))).countedDays).toBe(28);
    expect(await rows()).toEqual(afterResume);
    expect((await list()).topics).toEqual(topics);
  });

  it("posts to the feed once a day and fires an alert when a topic crosses the alert score", async () => {
    await seedCases(tenant, printerSurge(12), now);
    await setTrending({ feedScore: 5, alertScore: 8 });
    await compute();
    await compute(new Date(now.getTime() + 60_000));
    const [items, alerts] = await withPrivilegedDb("test check", (db) =>
      Promise.all([
        db.feedItem.findMany({ where: { tenantId: tenant.id, kind: "TRENDING_SURGE" } }),
        db.alert.findMany({ where: { tenantId: tenant.id, dedupeKey: { startsWith: "trending:" } } }),
      ]),
    );
    expect(items.map((i) => [i.title, i.link])).toContainEqual(["“printer jammed” is trending", "/insights/trending/printer%20jam"]);
    expect(items.filter((i) => i.link === "/insights/trending/printer%20jam")).toHaveLength(1);
    const alert = alerts.find((a) => a.dedupeKey === "trending:printer jam");
    expect(alert).toMatchObject({ title: "Trending topic: “printer jammed”", source: "SYSTEM", occurrences: 1, status: "ACTIVE" });
    expect(alert!.relatedCaseIds).toHaveLength(10);
  });

  it("posts nothing with the feed and alert scores off", async () => {
    await seedCases(tenant, printerSurge(12), now);
    await setTrending({ feedScore: null, alertScore: null });
    await compute();
    const [items, alerts] = await withPrivilegedDb("test check", (db) =>
      Promise.all([db.feedItem.count({ where: { tenantId: tenant.id, kind: "TRENDING_SURGE" } }), db.alert.count({ where: { tenantId: tenant.id } })]),
    );
    expect([items, alerts]).toEqual([0, 0]);
    expect((await list()).topics[0]!.term).toBe("printer jam");
  });

  it("reads the cases in the tenant's language, and counts the month again when it changes", async () => {
    const dutch = ["De printer is weer kapot", "Onze printer kapot sinds maandag", "De printer kapot, graag hulp"];
    await seedCases(tenant, Array.from({ length: 9 }, (_, i) => ({ title: dutch[i % 3]!, hoursAgo: 1 + i / 3 })), now);
    await seedCases(tenant, [{ title: "Oude melding", hoursAgo: 24 * 5 }, { title: "Oude melding", hoursAgo: 24 * 5 }], now);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.tenant.updateSettings({ textLanguage: "dutch" });
    await compute();
    const topics = (await list()).topics;
    // "printer is weer kapot" is not the phrase (words apart), the other six are.
    expect(topics[0]).toMatchObject({ term: "printer kapot", label: "printer kapot", cases: 6 });
    // "de", "is", "weer" are Dutch stop words: never a topic or part of one.
    for (const t of topics) expect(t.term.split(" ")).not.toContain("de");
    const counted = () => withPrivilegedDb("test read", (db) => db.topicDay.count({ where: { tenantId: tenant.id } }));
    expect(await counted()).toBeGreaterThan(0);

    await admin.tenant.updateSettings({ textLanguage: "simple" });
    expect(await counted()).toBe(0);
    await compute(new Date(now.getTime() + 60_000));
    // Mixed languages: nothing is stemmed or dropped, so "de printer" is a phrase of its own.
    expect((await list()).topics.flatMap((t) => [t.term, ...t.related])).toContain("de printer");
  });

  it("keeps words of any alphabet (the database's locale may be C), and still drops numbers and addresses", async () => {
    const titles = ["Überweisung fehlgeschlagen", "Überweisung fehlgeschlagen heute", "Перевод не прошёл", "Перевод не прошёл 4411"];
    await seedCases(tenant, Array.from({ length: 12 }, (_, i) => ({ title: titles[i % 4]!, hoursAgo: 1 + i / 4 })), now);
    await seedCases(tenant, [{ title: "Alte Meldung", hoursAgo: 24 * 5 }], now);
    const admin = await callerFor(tenant.users.ADMIN, tenant.slug);
    await admin.tenant.updateSettings({ textLanguage: "simple" });
    await compute();
    const terms = (await list()).topics.flatMap((t) => [t.term, ...t.related]);
    expect(terms).toContain("überweisung fehlgeschlagen");
    expect(terms.some((t) => t.includes("перевод"))).toBe(true);
    expect(terms.some((t) => /\d/.test(t))).toBe(false);
  });

  it("tells words from numbers and addresses the same way under a C locale", async () => {
    const lexemes = ["überweisung", "перевод", "printer", "e-mail", "4411", "bob@example.com", "example.com", "a", "-x", "x2"];
    // COLLATE "C" gives the expression the C locale's character classes whatever the database's.
    const rows = await withPrivilegedDb("test check", (db) =>
      db.$queryRaw<{ w: string }[]>`SELECT w FROM unnest(${lexemes}::text[]) AS u(lexeme), LATERAL (SELECT u.lexeme COLLATE "C" AS w) c WHERE ${WORD_LEXEME("c.w")}`,
    );
    expect(rows.map((r) => r.w)).toEqual(["überweisung", "перевод", "printer", "e-mail"]);
  });

  it("never reads another tenant's cases", async () => {
    const other = await createTestTenant("trending-other");
    await seedCases(other, printerSurge(12), now);
    await seedCases(tenant, [{ title: "Quiet day", hoursAgo: 1 }], now);
    await compute();
    expect((await list()).topics).toEqual([]);
    expect((await list()).run).toMatchObject({ cases: 1 });
  });
});
