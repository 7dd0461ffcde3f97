// search.query: ranked cases with escaped snippets, the last word as a prefix, customers by name
// or company (by e-mail only as a whole address, for members with pii:read), capped totals, any text without a server error, and only the
// caller's tenant.
import { beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/server/db/tenant-db";
import { rebuildSearchTerms } from "@/server/services/search/search-terms";
import { expectAppError } from "@/test/errors";
import { apiKeyCaller, callerFor, createTestApiKey, createTestTenant, type TestTenant } from "@/test/factories";

let a: TestTenant;
let viewer: Awaited<ReturnType<typeof callerFor>>;
const ids: Record<string, string> = {};
let bCaseId: string;

beforeAll(async () => {
  const [ta, b] = await Promise.all([createTestTenant("search-a"), createTestTenant("search-b")]);
  a = ta;
  const owner = await callerFor(a.users.OWNER, a.slug);
  const cases = {
    titled: { title: "Printer on fire", description: "Smoke from the back" },
    described: { title: "Paper jam", description: "The printer in tray two has a paper jam" },
    script: { title: "<script>alert(1)</script> printers & scanners", description: "Fix <b>now</b>" },
    refund: { title: "Refund request", description: "Order 1042" },
  };
  for (const [key, input] of Object.entries(cases)) ids[key] = (await owner.cases.create(input)).id;
  ids.jane = (await owner.customers.create({ name: "Jane Printerson", company: "Acme" })).id;
  ids.bob = (await owner.customers.create({ name: "Bob Stone", company: "Printer Supplies Ltd" })).id;
  ids.carol = (await owner.customers.create({ name: "Carol Day", email: "printer.carol@example.test" })).id;
  const bOwner = await callerFor(b.users.OWNER, b.slug);
  bCaseId = (await bOwner.cases.create({ title: "Printer secret of B", description: "zebrafish" })).id;
  await bOwner.customers.create({ name: "Printer Customer of B", company: "Zebrafish Inc" });
  await bOwner.customers.create({ name: "Carol of B", email: "printer.carol@example.test" });
  viewer = await callerFor(a.users.VIEWER, a.slug);
  // The vocabularies typos are corrected against (hourly in production).
  await withTenantDb(a.id, rebuildSearchTerms);
  await withTenantDb(b.id, rebuildSearchTerms);
});

describe("search.query", () => {
  it("finds the last word as a prefix, ranks title matches first, counts the matches", async () => {
    const result = await viewer.search.query({ q: "prin" });
    // Both title matches (weight A) before the description match (B); between them, rank and recency decide.
    expect(result.cases.slice(0, 2).map((c) => c.id).sort()).toEqual([ids.titled, ids.script].sort());
    expect(result.cases[2]!.id).toBe(ids.described);
    expect(result.cases[0]!.rank).toBeGreaterThan(result.cases[2]!.rank);
    expect(result.cases.find((c) => c.id === ids.titled)).toMatchObject({ title: "Printer on fire", status: "NEW", priority: "NORMAL", number: expect.any(Number) });
    expect(result.totals).toEqual({ cases: 3, customers: 2 });
    expect(result.cases.map((c) => c.id)).not.toContain(bCaseId);
  });

  it("reads earlier words as websearch does: phrases, -exclusions", async () => {
    expect((await viewer.search.query({ q: '"paper jam" prin' })).cases.map((c) => c.id)).toEqual([ids.described]);
    // In English (the default language) "printers" is a form of "printer".
    expect((await viewer.search.query({ q: "printer -fire", kinds: ["case"] })).cases.map((c) => c.id).sort()).toEqual([ids.described, ids.script].sort());
    expect((await viewer.search.query({ q: "order 104" })).cases.map((c) => c.id)).toEqual([ids.refund]);
  });

  it("marks matches in an HTML snippet whose text is escaped", async () => {
    const [hit] = (await viewer.search.query({ q: "scanners", kinds: ["case"] })).cases;
    expect(hit!.id).toBe(ids.script);
    expect(hit!.title).toBe("<script>alert(1)</script> printers & scanners");
    // ts_headline may start the snippet anywhere in the title, but only between tokens (an escaped
    // character is one token, an entity), so it never cuts one in half.
    expect(hit!.snippet).toContain("script&gt;");
    expect(hit!.snippet).not.toContain("<script");
    expect(hit!.snippet).toContain("&amp; <mark>scanners</mark>");
    expect(hit!.snippet).toContain("&lt;b&gt;now&lt;/b&gt;");
    expect(hit!.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("finds customers by name or company, never by e-mail, with escaped snippets", async () => {
    const result = await viewer.search.query({ q: "printer", kinds: ["customer"] });
    expect(result.cases).toEqual([]);
    expect(result.totals.cases).toBe(0);
    expect(result.customers).toEqual([
      { id: ids.jane, name: "Jane Printerson", company: "Acme", snippet: "Jane <mark>Printer</mark>son" },
      { id: ids.bob, name: "Bob Stone", company: "Printer Supplies Ltd", snippet: "Bob Stone · <mark>Printer</mark> Supplies Ltd" },
    ]);
    expect((await viewer.search.query({ q: "carol@example", kinds: ["customer"] })).customers).toEqual([]);
    // Short text: no trigram to use, the same matches by scanning the tenant's customers.
    expect((await viewer.search.query({ q: "Bo", kinds: ["customer"] })).customers.map((c) => c.id)).toEqual([ids.bob]);
  });

  it("finds a customer by the whole e-mail address through the blind index, only for members who may read personal data", async () => {
    const agent = await callerFor(a.users.AGENT, a.slug);
    const byEmail = await agent.search.query({ q: "  Printer.Carol@Example.test ", kinds: ["customer"] });
    expect(byEmail.customers).toEqual([{ id: ids.carol, name: "Carol Day", company: null, snippet: "Carol Day · <mark>e-mail</mark>" }]);
    expect(byEmail.totals.customers).toBe(1);
    // A viewer (no pii:read) learns nothing about the address; part of one never matches.
    expect((await viewer.search.query({ q: "printer.carol@example.test", kinds: ["customer"] })).customers).toEqual([]);
    expect((await agent.search.query({ q: "carol@example", kinds: ["customer"] })).customers).toEqual([]);
    // Another tenant's customer with that address is not this tenant's.
    expect((await agent.search.query({ q: "printer.carol@example.test", kinds: ["customer"] })).customers.map((c) => c.id)).toEqual([ids.carol]);
  });

  it("corrects a typo to the tenant's own words and ranks the cases holding them, never another tenant's", async () => {
    const typo = await viewer.search.query({ q: "printre", kinds: ["case"] });
    expect(typo.similarCases).toBe(true);
    // "printre" is read as "printer" (in English "printers" too): the titles first, then the description.
    expect(typo.cases.slice(0, 2).map((c) => c.id).sort()).toEqual([ids.titled, ids.script].sort());
    expect(typo.cases[2]!.id).toBe(ids.described);
    expect(typo.cases.map((c) => c.id)).not.toContain(bCaseId);
    expect(typo.totals.cases).toBe(3);
    // The snippet marks the corrected word, the text around it escaped.
    const snippet = typo.cases.find((c) => c.id === ids.script)!.snippet;
    expect(snippet).toContain("script&gt; <mark>printers</mark> &amp; scanners");
    expect(snippet).not.toContain("<script");
    expect(typo.cases[0]!.rank).toBeGreaterThan(typo.cases[2]!.rank);
    // A stop word has nothing to correct to and is left out.
    expect((await viewer.search.query({ q: "the printre", kinds: ["case"] })).cases).toHaveLength(3);
    // Each word is corrected; all of them must match.
    expect((await viewer.search.query({ q: "papr jamm", kinds: ["case"] })).cases.map((c) => c.id)).toEqual([ids.described]);
    // An exact match wins: no similar cases are mixed in.
    const exact = await viewer.search.query({ q: "printer", kinds: ["case"] });
    expect(exact.similarCases).toBe(false);
    // A search with syntax said what it wants: no fallback brings back what it excluded.
    expect(await viewer.search.query({ q: "printre -fire", kinds: ["case"] })).toMatchObject({ cases: [], similarCases: false });
    // Too little to compare, nothing alike, or alike only to another tenant's word ("zebrafish" is B's): nothing.
    expect(await viewer.search.query({ q: "qz", kinds: ["case"] })).toMatchObject({ cases: [], similarCases: false });
    expect(await viewer.search.query({ q: "xylophone", kinds: ["case"] })).toMatchObject({ cases: [], similarCases: false });
    expect(await viewer.search.query({ q: "zebrafsh", kinds: ["case"] })).toMatchObject({ cases: [], similarCases: false });
  });

  it("limits hits per kind; totals still count every match", async () => {
    const result = await viewer.search.query({ q: "printer", limit: 1 });
    expect(result.cases).toHaveLength(1);
    expect(result.customers).toHaveLength(1);
    expect(result.totals).toEqual({ cases: 3, customers: 2 });
  });

  it("answers any text without a server error: no results, or a 400 for invalid input", async () => {
    for (const q of ["'", '"', "'''", ":*", "a:*", "&|!", "a & b | !c", "(", ")", "<->", "\\", "-", "or", "-or", "!!!", "'a':*", "💥", "x'y", "a\\'b", "é:*"]) {
      const result = await viewer.search.query({ q });
      expect(Array.isArray(result.cases), q).toBe(true);
    }
    await expectAppError(viewer.search.query({ q: "   " }), "BAD_REQUEST");
    await expectAppError(viewer.search.query({ q: "x".repeat(201) }), "BAD_REQUEST");
    await expectAppError(viewer.search.query({ q: "printer", limit: 51 }), "BAD_REQUEST");
    await expectAppError(viewer.search.query({ q: "printer", kinds: [] }), "BAD_REQUEST");
  });

  it("never returns another tenant's rows, also through an API key", async () => {
    const key = await apiKeyCaller(await createTestApiKey(a, { role: "VIEWER" }));
    for (const caller of [viewer, key]) {
      const result = await caller.search.query({ q: "zebrafish" });
      expect(result).toEqual({ searchId: expect.any(String), cases: [], similarCases: false, facets: null, customers: [], totals: { cases: 0, customers: 0 } });
      expect((await caller.search.query({ q: "secret" })).cases).toEqual([]);
    }
  });
});
