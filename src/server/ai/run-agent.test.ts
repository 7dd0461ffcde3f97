// The agent runner against a local OpenAI-compatible server: valid answers in every wrapping,
// validation errors fed back and corrected, three bad answers as a typed failure, 429 with
// Retry-After, timeouts, non-retryable errors, budgets (tokens per day, runs per minute, with the
// admins told), a tenant that turned AI off, personal data that never leaves, and runs recorded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { setAiSettings } from "@/test/ai-settings";
import { startFakeAiProvider, type FakeAiProvider } from "@/test/fake-ai-provider";
import { defineAgent } from "./define-agent";
import { aiMetricsSnapshot } from "./metrics";
import { configureAiProvider } from "./provider";
import { runAgent } from "./run-agent";

const echoAgent = defineAgent({
  name: "test-echo",
  version: 3,
  input: z.object({ text: z.string(), customer: z.string().nullable() }),
  output: z.object({ answer: z.string().min(1), score: z.number().int().min(0).max(10) }),
  instructions: "Answer the question.",
  prompt: (input) => `Customer ${input.customer ?? "unknown"} asks: ${input.text}`,
  knownPii: (input) => [{ kind: "NAME", value: input.customer }],
  timeoutMs: 400,
});

let fake: FakeAiProvider;
let a: TestTenant;
let b: TestTenant;

const runs = (tenantId: string) => withPrivilegedDb("test read", (db) => db.agentRun.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } }));
const setAi = setAiSettings;
const run = (tenant: TestTenant, text = "Where is my parcel?", customer: string | null = null) => runAgent(echoAgent, { text, customer }, { tenantId: tenant.id });

beforeAll(async () => {
  fake = await startFakeAiProvider();
  fake.use();
  [a, b] = await Promise.all([createTestTenant("ai-runner-a"), createTestTenant("ai-runner-b")]);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("runAgent: answers", () => {
  it("takes a valid answer the first time, records the run with its tokens and counts it", async () => {
    const before = aiMetricsSnapshot().agents.find((x) => x.agent === "test-echo")?.outcomes.find((o) => o.outcome === "succeeded")?.count ?? 0;
    fake.script({ content: { answer: "On its way", score: 7 }, tokensIn: 321, tokensOut: 12 });
    const result = await run(a);
    expect(result).toEqual({ ok: true, output: { answer: "On its way", score: 7 }, runId: expect.any(String) });
    const [row] = (await runs(a.id)).filter((r) => r.id === (result.ok ? result.runId : ""));
    expect(row).toMatchObject({ agent: "test-echo", agentVersion: 3, model: "openai-compatible:fake-model", outcome: "SUCCEEDED", tokensIn: 321, tokensOut: 12, prompt: null, output: null });
    expect(row!.attempts).toEqual([{ n: 1, kind: "call", ms: expect.any(Number) }]);
    expect(row!.finishedAt).not.toBeNull();
    // The schema went with the instructions.
    expect(fake.received[0]!.messages[0]).toMatchObject({ role: "system" });
    expect(fake.received[0]!.messages[0]!.content).toContain('"score"');
    const after = aiMetricsSnapshot().agents.find((x) => x.agent === "test-echo")!.outcomes.find((o) => o.outcome === "succeeded")!.count;
    expect(after).toBe(before + 1);
  });

  it.each([
    ["a Markdown fence", 'Here you go:\n```json\n{"answer": "fenced", "score": 1}\n```\nAnything else?'],
    ["prose around it", 'Sure! {"answer": "in prose {with braces}", "score": 2} Hope that helps.'],
  ])("finds the JSON in %s", async (_what, content) => {
    fake.script({ content });
    const result = await run(a);
    expect(result.ok).toBe(true);
    expect(fake.received).toHaveLength(1);
  });

  it("feeds a validation error back and takes the corrected answer", async () => {
    fake.script({ content: { answer: "", score: 42 } }, { content: { answer: "Fixed", score: 4 } });
    const result = await run(a);
    expect(result).toMatchObject({ ok: true, output: { answer: "Fixed", score: 4 } });
    expect(fake.received).toHaveLength(2);
    const second = fake.received[1]!.messages;
    expect(second.at(-2)).toMatchObject({ role: "assistant", content: '{"answer":"","score":42}' });
    expect(second.at(-1)!.role).toBe("user");
    expect(second.at(-1)!.content).toMatch(/did not match the schema: .*answer.*score/);
    const row = (await runs(a.id)).at(-1)!;
    expect((row.attempts as { kind: string }[]).map((x) => x.kind)).toEqual(["call", "validation", "call"]);
  });

  it("gives a typed failure after three answers that never validate, and no output", async () => {
    fake.script({ content: "I cannot help with that." }, { content: { answer: 1 } }, { content: "```json\n{\"answer\": \"x\"}\n```" }, { content: { answer: "never asked", score: 1 } });
    const result = await run(a);
    expect(result).toEqual({ ok: false, reason: "invalid_output", message: expect.stringContaining("3 attempts"), runId: expect.any(String) });
    expect(fake.received).toHaveLength(3);
    const row = (await runs(a.id)).at(-1)!;
    expect(row).toMatchObject({ outcome: "FAILED", failureReason: "invalid_output", output: null });
  });
});

describe("runAgent: provider trouble", () => {
  it("waits as long as a 429's Retry-After asks, then succeeds", async () => {
    fake.script({ status: 429, headers: { "retry-after": "1" } }, { content: { answer: "after the pause", score: 1 } });
    const started = Date.now();
    const result = await run(a);
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const row = (await runs(a.id)).at(-1)!;
    expect(row.attempts).toEqual([expect.objectContaining({ kind: "call", status: 429 }), expect.objectContaining({ kind: "call" })]);
  });

  it("retries a 503 and a timeout, then gives up as a typed failure after three retries", async () => {
    fake.script({ status: 503 }, { hang: true }, { status: 502 }, { status: 500 });
    const result = await run(a);
    expect(result).toMatchObject({ ok: false, reason: "provider_error" });
    expect(fake.received).toHaveLength(4);
    const row = (await runs(a.id)).at(-1)!;
    expect(row).toMatchObject({ outcome: "FAILED", failureReason: "provider_error" });
    expect((row.attempts as { error?: string }[]).map((x) => x.error)).toEqual([
      expect.stringContaining("503"),
      "The model did not answer in time",
      expect.stringContaining("502"),
      expect.stringContaining("500"),
    ]);
  });

  it("does not retry a request the provider refuses (400)", async () => {
    fake.script({ status: 400, body: JSON.stringify({ error: { message: "bad request" } }) }, { content: { answer: "never", score: 1 } });
    const result = await run(a);
    expect(result).toMatchObject({ ok: false, reason: "provider_error" });
    expect(fake.received).toHaveLength(1);
  });

  it("refuses to wait for a Retry-After beyond a minute (rate limited)", async () => {
    fake.script({ status: 429, headers: { "retry-after": "3600" } });
    const result = await run(a);
    expect(result).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(fake.received).toHaveLength(1);
  });

  it("stops when cancelled and records it", async () => {
    const controller = new AbortController();
    fake.script({ status: 503 }, { content: { answer: "too late", score: 1 } });
    const pending = runAgent(echoAgent, { text: "x", customer: null }, { tenantId: a.id, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toMatchObject({ ok: false, reason: "cancelled" });
    expect((await runs(a.id)).at(-1)).toMatchObject({ outcome: "FAILED", failureReason: "cancelled" });
  });
});

describe("runAgent: privacy", () => {
  it("sends placeholders instead of e-mails, phones, cards and names, and restores them in the output", async () => {
    fake.script({ content: { answer: "Dear [NAME_1], we will write to [EMAIL_1].", score: 5 } });
    const result = await run(a, "Mail ada.l@example.com or call +44 20 7946 0958; card 4111 1111 1111 1111", "Ada Lovelace");
    const raw = fake.received[0]!.raw;
    for (const secret of ["ada.l@example.com", "7946 0958", "4111 1111", "Ada Lovelace", "Lovelace"]) expect(raw).not.toContain(secret);
    expect(raw).toContain("[EMAIL_1]");
    expect(raw).toContain("[PHONE_1]");
    expect(raw).toContain("[CARD_1]");
    expect(raw).toContain("[NAME_1]");
    expect(result).toMatchObject({ ok: true, output: { answer: "Dear Ada Lovelace, we will write to ada.l@example.com." } });
    expect((await runs(a.id)).at(-1)!.redactions).toEqual({ NAME: 1, EMAIL: 1, CARD: 1, PHONE: 1 });
  });

  it("keeps the prompt and output only when the tenant asks, redacted", async () => {
    const t = await createTestTenant("ai-runner-keep");
    await setAi(t, { keepPrompts: true });
    fake.script({ content: { answer: "Hi [NAME_1]", score: 1 } });
    await run(t, "Call me at +1 415 555 0100", "Grace Hopper");
    const row = (await runs(t.id)).at(-1)!;
    expect(JSON.stringify(row.prompt)).toContain("[PHONE_1]");
    expect(JSON.stringify(row.prompt)).not.toContain("555 0100");
    expect(JSON.stringify(row.prompt)).not.toContain("Grace");
    expect(row.output).toEqual({ answer: "Hi [NAME_1]", score: 1 });
  });
});

describe("runAgent: tenants and budgets", () => {
  it("sends nothing for a tenant that turned AI off", async () => {
    const t = await createTestTenant("ai-runner-off");
    await setAi(t, { enabled: false });
    const result = await run(t);
    expect(result).toMatchObject({ ok: false, reason: "disabled", runId: null });
    expect(fake.received).toHaveLength(0);
    expect(await runs(t.id)).toHaveLength(0);
  });

  it("pauses a tenant past its daily tokens, tells its admins once, and leaves other tenants alone", async () => {
    const t = await createTestTenant("ai-runner-budget");
    await setAi(t, { tokensPerDay: 150 });
    fake.script({ content: { answer: "one", score: 1 }, tokensIn: 100, tokensOut: 60 }, { content: { answer: "other tenant", score: 1 } });
    expect((await run(t)).ok).toBe(true);
    const refused = await run(t);
    expect(refused).toMatchObject({ ok: false, reason: "budget_exceeded", runId: null, retryAfterSeconds: expect.any(Number) });
    await run(t);
    expect(fake.received).toHaveLength(1);
    const items = await withPrivilegedDb("test read", (db) => db.feedItem.findMany({ where: { tenantId: t.id, kind: "AI_PAUSED" } }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ audienceKind: "ROLE", audienceValue: "ADMIN", link: "/settings/ai" });
    expect((await run(b)).ok).toBe(true);
  });

  it("allows at most the tenant's runs per minute", async () => {
    const t = await createTestTenant("ai-runner-rate");
    await setAi(t, { runsPerMinute: 2 });
    fake.script({ content: { answer: "1", score: 1 } }, { content: { answer: "2", score: 1 } });
    const results = await Promise.all([run(t), run(t), run(t)]);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.reason === "budget_exceeded")).toHaveLength(1);
  });

  it("does nothing without a provider", async () => {
    configureAiProvider(null);
    try {
      expect(await run(a)).toMatchObject({ ok: false, reason: "unavailable" });
    } finally {
      fake.use();
    }
    expect(fake.received).toHaveLength(0);
  });
});
