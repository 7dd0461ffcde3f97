// The learned triage model on a real database: trained on a tenant's planted resolved cases it
// predicts their value for unseen text, its SQL scoring agrees with naive Bayes computed here
// from the stored counts, its held-out accuracy is what it says, it never learns from another
// tenant's cases, and a field with too few examples or an archived value gets no suggestion.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { Prisma } from "@/server/db/generated/client";
import { predictDocuments, predictionSql } from "./naive-bayes";
import { calibratedConfidence, loadModels, predictText } from "./predict-triage";
import { calibrationOf, MIN_EXAMPLES, trainTriageModels } from "./train-triage-model";
import { plantResolvedCases, setSettings } from "./train-triage-model.test-kit";

const train = (tenant: TestTenant) => trainTriageModels((fn) => withTenantDb(tenant.id, fn));

let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant("nb-a"), createTestTenant("nb-b")]);
  for (const t of [a, b]) await setSettings(t, { caseCategories: ["Billing", "Access", "Hardware"], businessUnits: ["Office", "Field"], textLanguage: "english" });
  await plantResolvedCases(a, 60);
  // Tenant B uses the same words for other values: billing words are "Hardware" there.
  await plantResolvedCases(b, 60, (t) => (t === "Billing" ? "Hardware" : t === "Hardware" ? "Billing" : t));
});

describe("training a tenant's triage models", () => {
  it("learns each field from the resolved cases, holds one in five out, and is right on them", async () => {
    const results = await train(a);
    expect(results.map((r) => [r.field, r.status])).toEqual([["category", "trained"], ["businessUnit", "trained"], ["priority", "trained"]]);
    const category = results[0]!;
    if (category.status !== "trained") throw new Error("not trained");
    // Every planted case is either learned from or held out, and the split is about one in five.
    expect(category.examples + category.heldOut).toBe(180);
    expect(category.heldOut).toBeGreaterThan(180 * 0.1);
    expect(category.heldOut).toBeLessThan(180 * 0.3);
    expect(category.correct / category.heldOut).toBeGreaterThanOrEqual(0.9);
    expect(category.values).toBe(3);
    const models = await withTenantDb(a.id, (db) => loadModels(db));
    expect(models.map((m) => m.field).sort()).toEqual(["businessUnit", "category", "priority"]);
    const stored = await withTenantDb(a.id, (db) => db.triageModel.findFirstOrThrow({ where: { field: "category" } }));
    expect(stored).toMatchObject({ examples: category.examples, heldOut: category.heldOut, correct: category.correct, language: "english" });
  });

  it("predicts unseen text, the confidence being naive Bayes computed from the stored counts", async () => {
    const text = "The refund for my invoice never arrived, please check the payment";
    const suggestions = await withTenantDb(a.id, async (db) => predictText(db, text, await loadTenantSettings(db)));
    const category = suggestions.find((s) => s.field === "category");
    expect(category).toMatchObject({ value: "Billing" });
    expect(category!.confidence).toBeGreaterThan(0.9);
    expect(suggestions.find((s) => s.field === "businessUnit")).toMatchObject({ value: "Office" });

    // The same probability by hand: the document's stemmed words, the stored counts, Laplace smoothing, softmax.
    const expected = await withTenantDb(a.id, async (db) => {
      const words = await db.$queryRaw<{ lexeme: string; n: number }[]>`
        SELECT lexeme, cardinality(positions) AS n FROM unnest(to_tsvector('english', ${text}))`;
      const model = (await loadModels(db)).find((m) => m.field === "category")!;
      const terms = await db.triageModelTerm.findMany({ where: { field: "category" } });
      const count = new Map(terms.map((t) => [`${t.label} ${t.lexeme}`, t.count]));
      const vocabulary = new Set(terms.map((t) => t.lexeme));
      const total = model.labels.reduce((s, l) => s + l.cases, 0);
      const scores = model.labels.map((l) => {
        let score = Math.log(l.cases / total);
        for (const w of words) if (vocabulary.has(w.lexeme)) score += w.n * Math.log(((count.get(`${l.value} ${w.lexeme}`) ?? 0) + 1) / (l.words + vocabulary.size));
        return { value: l.value, score };
      });
      const max = Math.max(...scores.map((s) => s.score));
      const sum = scores.reduce((s, x) => s + Math.exp(x.score - max), 0);
      const best = scores.reduce((x, y) => (y.score > x.score ? y : x));
      return { value: best.value, confidence: Math.exp(best.score - max) / sum };
    });
    const raw = await withTenantDb(a.id, async (db) => {
      const model = (await loadModels(db)).find((m) => m.field === "category")!;
      return predictDocuments(db, model, Prisma.sql`SELECT 'doc'::text AS id, ${text}::text AS body`);
    });
    expect(raw).toEqual([{ id: "doc", value: expected.value, confidence: expect.closeTo(expected.confidence, 9) }]);
    // What a member is shown is the measured rate, never more than the model's own probability.
    expect(category!.value).toBe(expected.value);
    expect(category!.confidence).toBeLessThanOrEqual(expected.confidence + 1e-9);
  });

  it("scores many cases by probing each word's counts through the key, even before the counts have statistics", async () => {
    // A freshly trained model's counts are unanalysed (the embedded database has no autovacuum):
    // with joins the planner compared every word with every count (45 s for 1,000 held-out cases).
    const plan = await withTenantDb(a.id, async (db) => {
      const model = (await loadModels(db)).find((m) => m.field === "category")!;
      const q = predictionSql(model, Prisma.sql`SELECT c.id, c.title || ' ' || c.description AS body FROM cases c WHERE c.tenant_id = ${a.id}::uuid`, a.id);
      const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${q.text}`, ...q.values);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index (Only )?Scan using triage_model_terms_pkey on triage_model_terms[^\n]*\n\s*Index Cond: \(.*\(lexeme = w(_\d+)?\.lexeme\)\)/);
    expect(plan).not.toMatch(/Join Filter: \(t\.lexeme = /);
  });

  it("never learns from another tenant: the same words mean what each tenant's own cases say", async () => {
    await train(b);
    const text = "Invoice and refund question about a card charge";
    const [forA, forB] = await Promise.all(
      [a, b].map((t) => withTenantDb(t.id, async (db) => (await predictText(db, text, await loadTenantSettings(db))).find((s) => s.field === "category")?.value)),
    );
    expect(forA).toBe("Billing");
    expect(forB).toBe("Hardware");
    // A's counts are A's: as many word occurrences as A's own training cases hold, none of B's.
    const rows = await withPrivilegedDb("test check", (db) => db.triageModelTerm.groupBy({ by: ["tenantId"], where: { tenantId: { in: [a.id, b.id] } }, _count: true }));
    expect(rows).toHaveLength(2);
    const aBilling = await withTenantDb(a.id, (db) => db.triageModelTerm.findMany({ where: { field: "category", lexeme: "invoic" } }));
    expect(aBilling.map((t) => t.label)).toEqual(["Billing"]);
  });

  it("suggests no value the tenant has since archived, and forgets it at the next training", async () => {
    const c = await createTestTenant("nb-archive");
    await setSettings(c, { caseCategories: ["Billing", "Access", "Hardware"], businessUnits: ["Office", "Field"] });
    await plantResolvedCases(c, 30);
    await train(c);
    await setSettings(c, { caseCategories: ["Billing", "Access"] });
    const suggestion = await withTenantDb(c.id, async (db) => (await predictText(db, "printer toner jammed monitor", await loadTenantSettings(db))).find((s) => s.field === "category"));
    expect(suggestion).toBeUndefined();
    await train(c);
    const model = await withTenantDb(c.id, (db) => db.triageModel.findFirstOrThrow({ where: { field: "category" } }));
    expect((model.labels as { value: string }[]).map((l) => l.value).sort()).toEqual(["Access", "Billing"]);
  });

  it("keeps no model for a field with too few examples or one value, removing an old one", async () => {
    const d = await createTestTenant("nb-few");
    await setSettings(d, { caseCategories: ["Billing", "Access", "Hardware"], businessUnits: ["Office", "Field"] });
    // Twelve per topic: 36 cases, of which the hash holds out about one in five, leave at least the
    // minimum of 20 to learn from (with ten per topic, 11 of 30 held out by chance left too few).
    await plantResolvedCases(d, 12);
    expect((await train(d)).map((r) => r.status)).toEqual(["trained", "trained", "trained"]);
    // Twelve cases of one topic: fewer than the minimum once two topics are gone.
    await withTenantDb(d.id, (db) => db.case.updateMany({ where: { category: { in: ["Access", "Hardware"] } }, data: { status: "OPEN", resolvedAt: null } }));
    const results = await train(d);
    expect(results[0]).toMatchObject({ field: "category", status: "too-few", values: 1 });
    expect(results[0]!.examples).toBeLessThan(MIN_EXAMPLES);
    const left = await withTenantDb(d.id, async (db) => ({ models: await db.triageModel.count({ where: { field: "category" } }), terms: await db.triageModelTerm.count({ where: { field: "category" } }) }));
    expect(left).toEqual({ models: 0, terms: 0 });
    expect(await withTenantDb(d.id, async (db) => predictText(db, "  ", await loadTenantSettings(db)))).toEqual([]);
  });
});

describe("a training stopped by its runner's shutdown", () => {
  it("stops between fields: the fields done are whole, the rest keep their model, the next run trains all", async () => {
    const e = await createTestTenant("nb-stop");
    await setSettings(e, { caseCategories: ["Billing", "Access", "Hardware"], businessUnits: ["Office", "Field"] });
    await plantResolvedCases(e, 20);
    const shutdown = new AbortController();
    let transactions = 0;
    const stopped = trainTriageModels(
      (fn) =>
        withTenantDb(e.id, async (db) => {
          const result = await fn(db);
          if (++transactions === 1) shutdown.abort(new Error("worker shutting down"));
          return result;
        }),
      { signal: shutdown.signal },
    );
    await expect(stopped).rejects.toThrow("worker shutting down");
    const fields = () => withTenantDb(e.id, async (db) => (await db.triageModel.findMany({ select: { field: true } })).map((m) => m.field).sort());
    expect(await fields()).toEqual(["category"]);
    expect((await train(e)).map((r) => r.status)).toEqual(["trained", "trained", "trained"]);
    expect(await fields()).toEqual(["businessUnit", "category", "priority"]);
  });
});

describe("calibrationOf", () => {
  it("gives, per confidence floor, the share of cases at or above it and how many of those were right", () => {
    const points = calibrationOf([
      { confidence: 0.95, right: true },
      { confidence: 0.85, right: true },
      { confidence: 0.75, right: false },
      { confidence: 0.4, right: false },
    ]);
    expect(points.find((p) => p.atLeast === 0.5)).toEqual({ atLeast: 0.5, share: 0.75, cases: 3, accuracy: 2 / 3 });
    expect(points.find((p) => p.atLeast === 0.9)).toEqual({ atLeast: 0.9, share: 0.25, cases: 1, accuracy: 1 });
    expect(points.find((p) => p.atLeast === 0.95)).toEqual({ atLeast: 0.95, share: 0.25, cases: 1, accuracy: 1 });
    expect(calibrationOf([])[0]).toEqual({ atLeast: 0.5, share: 0, cases: 0, accuracy: null });
  });
});

describe("calibratedConfidence", () => {
  const model = {
    heldOut: 100,
    correct: 60,
    calibration: [
      { atLeast: 0.5, share: 0.9, cases: 90, accuracy: 0.62 },
      { atLeast: 0.7, share: 0.5, cases: 50, accuracy: 0.8 },
      { atLeast: 0.9, share: 0.2, cases: 20, accuracy: 0.95 },
      { atLeast: 0.95, share: 0.03, cases: 3, accuracy: 1 },
    ],
  };
  it("is how often the model was right at that confidence, never more than its own probability", () => {
    expect(calibratedConfidence(0.999, model)).toBe(0.95); // the 0.95 floor holds too few cases to trust
    expect(calibratedConfidence(0.91, model)).toBe(0.91);
    expect(calibratedConfidence(0.75, model)).toBe(0.75);
    expect(calibratedConfidence(0.99, { ...model, calibration: model.calibration.map((p) => ({ ...p, accuracy: 0.3 })) })).toBe(0.3);
    // Below every floor: the model's overall accuracy; with nothing held out, its own probability.
    expect(calibratedConfidence(0.45, { ...model, correct: 30 })).toBe(0.3);
    expect(calibratedConfidence(0.45, { heldOut: 0, correct: 0, calibration: [] })).toBe(0.45);
  });
});
