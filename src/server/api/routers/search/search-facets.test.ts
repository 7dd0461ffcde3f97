// search.query's filters and facets: the cases list's filter fields narrow the cases (any value
// within a field, every field), each field's counts leave its own filter out, the ranked hits and
// the total follow the filters, the palette's path (no filter, no facets) is unchanged, and another
// tenant's cases are never counted.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { rebuildSearchTerms } from "@/server/services/search/search-terms";
import { rest } from "@/server/api/openapi/rest-test-kit";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";

let a: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const [ta, b] = await Promise.all([createTestTenant("facets-a"), createTestTenant("facets-b")]);
  a = ta;
  const owner = await callerFor(a.users.OWNER, a.slug);
  agent = await callerFor(a.users.AGENT, a.slug);
  const make = async (key: string, input: Record<string, unknown>) => (ids[key] = (await owner.cases.create({ title: "Router keeps rebooting", ...input } as never)).id);
  await make("emailUrgent", { channel: "EMAIL", priority: "URGENT", tags: ["network", "vip"] });
  await make("emailLow", { channel: "EMAIL", priority: "LOW", tags: ["network"] });
  await make("chatHigh", { channel: "CHAT", priority: "HIGH", tags: ["wifi"], description: "The router on floor 2" });
  await make("other", { title: "Invoice question", channel: "CHAT", priority: "HIGH" });
  // One resolved, one a month old.
  await withPrivilegedDb("test fixture", (db) => db.case.update({ where: { tenantId_id: { tenantId: a.id, id: ids.emailLow! } }, data: { status: "RESOLVED" } }));
  await withPrivilegedDb("test fixture", (db) =>
    db.case.update({ where: { tenantId_id: { tenantId: a.id, id: ids.chatHigh! } }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) } }),
  );
  const bOwner = await callerFor(b.users.OWNER, b.slug);
  await bOwner.cases.create({ title: "Router of B", channel: "EMAIL", priority: "URGENT", tags: ["network"] });
  // The vocabulary typos are corrected against (hourly in production).
  await withTenantDb(a.id, rebuildSearchTerms);
});

const counts = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

describe("search.query with filters and facets", () => {
  it("counts the matches per value, without another tenant's", async () => {
    const result = await agent.search.query({ q: "router", facets: true, kinds: ["case"] });
    expect(result.totals.cases).toBe(3);
    expect(result.facets).toMatchObject({ partial: false });
    const f = result.facets!.fields;
    expect(counts(f.channel)).toEqual({ EMAIL: 2, CHAT: 1 });
    expect(counts(f.priority)).toEqual({ URGENT: 1, LOW: 1, HIGH: 1 });
    expect(counts(f.status)).toEqual({ NEW: 2, RESOLVED: 1 });
    expect(counts(f.tag)).toEqual({ network: 2, vip: 1, wifi: 1 });
    expect(f.tag[0]).toEqual({ value: "network", count: 2 });
    expect(counts(f.category)).toEqual({ "": 3 });
  });

  it("narrows hits and total by every field, any value within one, and leaves each field's own filter out of its counts", async () => {
    const result = await agent.search.query({ q: "router", channel: ["EMAIL"], facets: true });
    expect(result.cases.map((c) => c.id).sort()).toEqual([ids.emailUrgent, ids.emailLow].sort());
    expect(result.totals.cases).toBe(2);
    // Channel counts ignore the channel filter; the others apply it.
    expect(counts(result.facets!.fields.channel)).toEqual({ EMAIL: 2, CHAT: 1 });
    expect(counts(result.facets!.fields.priority)).toEqual({ URGENT: 1, LOW: 1 });

    const both = await agent.search.query({ q: "router", channel: ["EMAIL", "CHAT"], priority: ["URGENT", "HIGH"] });
    expect(both.cases.map((c) => c.id).sort()).toEqual([ids.emailUrgent, ids.chatHigh].sort());
    expect(both.facets).toBeNull();
    expect((await agent.search.query({ q: "router", tag: ["wifi"] })).cases.map((c) => c.id)).toEqual([ids.chatHigh]);
    expect((await agent.search.query({ q: "router", status: ["RESOLVED"] })).cases.map((c) => c.id)).toEqual([ids.emailLow]);
    expect((await agent.search.query({ q: "router", createdFrom: new Date(Date.now() - 86_400_000).toISOString() })).totals.cases).toBe(2);
  });

  it("keeps snippets and ranking on the filtered path, and finds nothing past every filter without a similar-title fallback", async () => {
    const result = await agent.search.query({ q: "router floor", channel: ["CHAT"] });
    expect(result.cases).toHaveLength(1);
    expect(result.cases[0]!.snippet).toContain("<mark>");
    const none = await agent.search.query({ q: "routr", channel: ["EMAIL"] });
    expect(none).toMatchObject({ cases: [], similarCases: false, totals: { cases: 0 } });
    // Facets alone (the search page always asks for them) keep the typo fallback.
    const typo = await agent.search.query({ q: "routr", facets: true });
    expect(typo.similarCases).toBe(true);
    expect(typo.cases.map((c) => c.id)).toContain(ids.emailUrgent);
  });

  it("takes the filters and facets in a REST query string", async () => {
    const key = await createTestApiKey(a, { role: "VIEWER" });
    const result = await rest({ method: "GET", url: "/search?q=router&channel=EMAIL&channel=CHAT&priority=URGENT&facets=true", key });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const body = result.body as { cases: { id: string }[]; facets: { fields: { priority: { value: string; count: number }[] } } };
    expect(body.cases.map((c) => c.id)).toEqual([ids.emailUrgent]);
    expect(counts(body.facets.fields.priority)).toEqual({ URGENT: 1, LOW: 1, HIGH: 1 });
    const bad = await rest({ method: "GET", url: "/search?q=router&status=SOMETIMES", key });
    expect(bad.status).toBe(400);
  });

  it("answers scripts with the same filters", async () => {
    const key = await apiKeyCaller(await createTestApiKey(a, { role: "VIEWER" }));
    const result = await key.search.query({ q: "router", priority: ["URGENT"], facets: true });
    expect(result.cases.map((c) => c.id)).toEqual([ids.emailUrgent]);
    expect(counts(result.facets!.fields.priority)).toEqual({ URGENT: 1, LOW: 1, HIGH: 1 });
  });
});
