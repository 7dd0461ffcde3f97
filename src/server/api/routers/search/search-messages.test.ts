// Messages in search.query: a case whose reply or internal note holds the words is found, after the
// cases whose own title or description do, with the newest matching message (escaped, named as a
// reply or a note) as its snippet; on the filtered path too; never another tenant's messages.
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";

let a: TestTenant;
const ids: Record<string, string> = {};
let bCaseId: string;

beforeAll(async () => {
  const [ta, b] = await Promise.all([createTestTenant("msg-search-a"), createTestTenant("msg-search-b")]);
  a = ta;
  const agent = await callerFor(a.users.AGENT, a.slug);
  ids.titled = (await agent.cases.create({ title: "Toner order for the office", description: "Two boxes" })).id;
  ids.replied = (await agent.cases.create({ title: "Delivery question", description: "Where is it?" })).id;
  await agent.cases.addMessage({ caseId: ids.replied, kind: "PUBLIC_REPLY", body: "The <b>toner</b> cartridge leaks & stains" });
  ids.noted = (await agent.cases.create({ title: "Supplier call", description: "Callback requested", priority: "HIGH" })).id;
  await agent.cases.addMessage({ caseId: ids.noted, kind: "INTERNAL_NOTE", body: "Asked the toner supplier for a refund" });
  ids.other = (await agent.cases.create({ title: "Unrelated", description: "Nothing here" })).id;
  await agent.cases.addMessage({ caseId: ids.other, kind: "PUBLIC_REPLY", body: "No cartridges involved" });
  const bAgent = await callerFor(b.users.AGENT, b.slug);
  bCaseId = (await bAgent.cases.create({ title: "B's case", description: "secret" })).id;
  await bAgent.cases.addMessage({ caseId: bCaseId, kind: "PUBLIC_REPLY", body: "toner of tenant B" });
});

describe("search.query over messages", () => {
  it("finds cases by a reply or an internal note, after the cases whose own text matches", async () => {
    const viewer = await callerFor(a.users.VIEWER, a.slug);
    const result = await viewer.search.query({ q: "toner", kinds: ["case"] });
    expect(result.cases[0]!.id).toBe(ids.titled);
    expect(result.cases.slice(1).map((c) => c.id).sort()).toEqual([ids.replied, ids.noted].sort());
    expect(result.cases[0]!.rank).toBeGreaterThan(result.cases[1]!.rank);
    expect(result.totals.cases).toBe(3);
    expect(result.cases.map((c) => c.id)).not.toContain(bCaseId);

    const replied = result.cases.find((c) => c.id === ids.replied)!;
    expect(replied.snippet).toBe("Message: The &lt;b&gt;<mark>toner</mark>&lt;/b&gt; cartridge leaks &amp; stains");
    const noted = result.cases.find((c) => c.id === ids.noted)!;
    expect(noted.snippet).toContain("Internal note: ");
    expect(noted.snippet).toContain("<mark>toner</mark> supplier");
    // A case found by its own text keeps its own snippet.
    expect(result.cases[0]!.snippet).toContain("<mark>Toner</mark> order");
  });

  it("finds them on the filtered path, and by the last word as a prefix", async () => {
    const agent = await callerFor(a.users.AGENT, a.slug);
    const high = await agent.search.query({ q: "supplier ton", kinds: ["case"], priority: ["HIGH"], facets: true });
    expect(high.cases.map((c) => c.id)).toEqual([ids.noted]);
    expect((await agent.search.query({ q: "cartridg", kinds: ["case"] })).cases.map((c) => c.id).sort()).toEqual([ids.replied, ids.other].sort());
  });
});
