// AI assist end to end through the procedures, with a local OpenAI-compatible server: a new case
// is triaged in the background (suggestions stored, values outside the tenant's lists dropped,
// trusted fields applied), members accept or dismiss suggestions, drafts stream into the composer,
// admins read the runs; and what reaches the model is only this case's public thread, redacted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { readJob, runOnly } from "@/server/jobs/test-kit";
import { triageCase } from "@/server/services/suggestions/triage-case";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestApiKey, apiKeyCaller, createTestTenant, type TestTenant } from "@/test/factories";
import { clearWaitingAiJobs, setAiSettings } from "@/test/ai-settings";
import { startFakeAiProvider, type FakeAiProvider } from "@/test/fake-ai-provider";

let fake: FakeAiProvider;
let a: TestTenant;
let b: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;
let viewer: Awaited<ReturnType<typeof callerFor>>;
let admin: Awaited<ReturnType<typeof callerFor>>;

const triage = (over: Record<string, unknown> = {}) => ({
  category: { value: "problem", confidence: 0.8, reason: "Something is broken" },
  businessUnit: { value: "Moon base", confidence: 0.4, reason: "Not a unit of this tenant" },
  priority: { value: "URGENT", confidence: 0.93, reason: "The whole shop is down" },
  tags: { value: ["checkout", "outage"], confidence: 0.7, reason: "Topic words" },
  language: "en",
  sentiment: "negative",
  summary: "Checkout fails for every customer.",
  ...over,
});

const setAi = setAiSettings;
const triageJobs = (caseId: string) =>
  withPrivilegedDb("test read", (db) => db.job.findMany({ where: { type: "ai.triage-case", payload: { path: ["caseId"], equals: caseId } } }));

beforeAll(async () => {
  fake = await startFakeAiProvider();
  fake.use();
  await clearWaitingAiJobs();
  [a, b] = await Promise.all([createTestTenant("ai-a"), createTestTenant("ai-b")]);
  // B's cases are only ever read by A's attempts: none of B's own triage jobs may take a scripted answer.
  await setAi(b, { triageNewCases: false });
  agent = await callerFor(a.users.AGENT, a.slug);
  viewer = await callerFor(a.users.VIEWER, a.slug);
  admin = await callerFor(a.users.ADMIN, a.slug);
});
afterAll(async () => {
  await clearWaitingAiJobs();
  await fake.close();
});
beforeEach(() => fake.reset());

describe("triage of new cases", () => {
  it("enqueues a triage with the case, stores the suggestions the tenant's lists allow, and applies nothing unasked", async () => {
    const created = await agent.cases.create({ title: "Checkout is down", description: "Every payment fails since 9:00. Call me on +44 20 7946 0958." });
    const [job] = await triageJobs(created.id);
    expect(job).toBeDefined();
    fake.script({ content: triage() });
    await runOnly(["ai.triage-case"]);
    expect((await readJob(job!.id)).status).toBe("SUCCEEDED");

    const { items } = await agent.ai.suggestions({ caseId: created.id });
    const byField = Object.fromEntries(items.map((s) => [s.field, s]));
    // "problem" matched the tenant's "Problem"; "Moon base" is no business unit of this tenant.
    expect(byField.category).toMatchObject({ value: "Problem", status: "PENDING", applicable: true, confidence: 0.8 });
    expect(byField.businessUnit).toBeUndefined();
    expect(byField.priority).toMatchObject({ value: "URGENT", reason: "The whole shop is down" });
    expect(byField.tags).toMatchObject({ value: ["checkout", "outage"] });
    expect(byField.summary).toMatchObject({ value: "Checkout fails for every customer.", applicable: false });
    expect(items.map((s) => s.field)).toEqual(["category", "priority", "tags", "language", "sentiment", "summary"]);
    expect((await agent.cases.get({ id: created.id })).priority).toBe("NORMAL");
    // The phone number never reached the model.
    expect(fake.received[0]!.raw).not.toContain("7946");
    expect(fake.received[0]!.raw).toContain("[PHONE_1]");
  });

  it("applies the fields the tenant trusts above a confidence, as the system, on the timeline", async () => {
    const t = await createTestTenant("ai-auto");
    await setAi(t, { autoApply: { priority: 0.9, category: 0.95, businessUnit: null, tags: null } });
    const member = await callerFor(t.users.AGENT, t.slug);
    const created = await member.cases.create({ title: "Site down", description: "Nothing loads" });
    fake.script({ content: triage() });
    await runOnly(["ai.triage-case"]);
    const after = await member.cases.get({ id: created.id });
    expect(after.priority).toBe("URGENT");
    expect(after.category).toBeNull();
    const { items } = await member.ai.suggestions({ caseId: created.id });
    expect(items.find((s) => s.field === "priority")).toMatchObject({ status: "APPLIED" });
    expect(items.find((s) => s.field === "category")).toMatchObject({ status: "PENDING" });
    const timeline = await member.cases.timeline({ caseId: created.id });
    expect(JSON.stringify(timeline.items)).toContain("priority_changed");
  });

  it("writes nothing after three answers that never validate, and does not retry the job", async () => {
    const created = await agent.cases.create({ title: "Odd answers", description: "?" });
    fake.script({ content: "no idea" }, { content: { priority: "VERY HIGH" } }, { content: triage({ sentiment: "furious" }) });
    await runOnly(["ai.triage-case"]);
    const [job] = await triageJobs(created.id);
    expect((await readJob(job!.id)).status).toBe("SUCCEEDED");
    expect((await agent.ai.suggestions({ caseId: created.id })).items).toEqual([]);
    const runs = await admin.ai.runs({ caseId: created.id });
    expect(runs.items).toEqual([expect.objectContaining({ agent: "triage", outcome: "FAILED", failureReason: "invalid_output", attemptCount: 3 })]);
  });

  it("leaves the job to retry later when the provider is down", async () => {
    const created = await agent.cases.create({ title: "Provider outage", description: "x" });
    fake.script({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 });
    await runOnly(["ai.triage-case"]);
    const [job] = await triageJobs(created.id);
    expect((await readJob(job!.id)).status).toBe("FAILED");
    expect((await agent.ai.suggestions({ caseId: created.id })).items).toEqual([]);
  });

  it("is not enqueued when the tenant turned triage off, nor without a provider", async () => {
    const t = await createTestTenant("ai-no-triage");
    await setAi(t, { triageNewCases: false });
    const member = await callerFor(t.users.AGENT, t.slug);
    const created = await member.cases.create({ title: "Quiet please", description: "" });
    expect(await triageJobs(created.id)).toEqual([]);
  });

  it("never reads another tenant's case, even when asked by id", async () => {
    const bCase = await (await callerFor(b.users.AGENT, b.slug)).cases.create({ title: "Bravo private", description: "secret" });
    fake.reset();
    expect(await triageCase(a.id, bCase.id)).toEqual({ status: "skipped", why: "the case is gone" });
    expect(fake.received).toEqual([]);
  });
});

describe("deciding suggestions", () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await agent.cases.create({ title: "Refund twice", description: "Charged two times" })).id;
    fake.script({ content: triage({ priority: { value: "HIGH", confidence: 0.6, reason: "Money" } }) });
    await runOnly(["ai.triage-case"]);
  });
  const suggestion = async (field: string) => (await agent.ai.suggestions({ caseId })).items.find((s) => s.field === field)!;

  it("accepts: the case takes the value at the version read, the suggestion is marked", async () => {
    const before = await agent.cases.get({ id: caseId });
    const priority = await suggestion("priority");
    const result = await agent.ai.decide({ caseId, suggestionId: priority.id, decision: "accept", version: before.version });
    expect(result.case).toMatchObject({ priority: "HIGH", version: before.version + 1 });
    expect(result.suggestion).toMatchObject({ status: "ACCEPTED" });
    await expectAppError(agent.ai.decide({ caseId, suggestionId: priority.id, decision: "dismiss", version: before.version + 1 }), "CONFLICT", "ALREADY_DECIDED");
  });

  it("adds accepted tags to the case's own instead of replacing them", async () => {
    const tagged = await agent.cases.create({ title: "Tagged already", description: "x", tags: ["vip"] });
    fake.script({ content: triage({ tags: { value: ["refund", "vip"], confidence: 0.8, reason: "Money back" } }) });
    await runOnly(["ai.triage-case"]);
    const tags = (await agent.ai.suggestions({ caseId: tagged.id })).items.find((s) => s.field === "tags")!;
    const { version } = await agent.cases.get({ id: tagged.id });
    const result = await agent.ai.decide({ caseId: tagged.id, suggestionId: tags.id, decision: "accept", version });
    expect(result.case?.tags).toEqual(["vip", "refund"]);
  });

  it("refuses a stale version, an information-only field, and a viewer", async () => {
    const category = await suggestion("category");
    await expectAppError(agent.ai.decide({ caseId, suggestionId: category.id, decision: "accept", version: 1 }), "CONFLICT");
    expect((await suggestion("category")).status).toBe("PENDING");
    const summary = await suggestion("summary");
    await expectAppError(agent.ai.decide({ caseId, suggestionId: summary.id, decision: "accept", version: 1 }), "BAD_REQUEST", "NOT_APPLICABLE");
    await expectAppError(viewer.ai.decide({ caseId, suggestionId: category.id, decision: "dismiss", version: 1 }), "FORBIDDEN");
  });

  it("dismisses, and a later triage keeps decided suggestions while replacing pending ones", async () => {
    const tags = await suggestion("tags");
    const { version } = await agent.cases.get({ id: caseId });
    await agent.ai.decide({ caseId, suggestionId: tags.id, decision: "dismiss", version });
    expect((await agent.cases.get({ id: caseId })).tags).toEqual([]);
    await agent.ai.triage({ caseId });
    fake.script({ content: triage({ tags: { value: ["refund"], confidence: 0.9, reason: "Again" }, category: { value: "Request", confidence: 0.7, reason: "Asks for money back" } }) });
    await runOnly(["ai.triage-case"]);
    expect(await suggestion("tags")).toMatchObject({ status: "DISMISSED", value: ["checkout", "outage"] });
    expect(await suggestion("category")).toMatchObject({ status: "PENDING", value: "Request" });
    expect(await suggestion("priority")).toMatchObject({ status: "ACCEPTED" });
  });
});

describe("reply drafts", () => {
  const collect = async (caller: typeof agent, caseId: string) => {
    const events: { type: string; text?: string; reply?: string }[] = [];
    for await (const event of await caller.ai.draftReply({ caseId })) events.push(event as (typeof events)[number]);
    return events;
  };

  it("streams the draft and ends with the validated reply; the model saw the public thread only, redacted", async () => {
    const customer = await agent.customers.create({ name: "Ada Lovelace", email: "ada@example.com" });
    const created = await agent.cases.create({ title: "Invoice missing", description: "Where is my invoice?", customerId: customer.id });
    await agent.cases.addMessage({ caseId: created.id, kind: "INTERNAL_NOTE", body: "Internal: she is on the VIP list" });
    await agent.cases.addMessage({ caseId: created.id, kind: "PUBLIC_REPLY", body: "We are looking into it, ada@example.com" });
    fake.reset();
    // The model answers with the placeholders it was given for the customer and the agent.
    const placeholder = (raw: string, label: string) => new RegExp(`${label}: (\\[NAME_\\d+\\])`).exec(raw)?.[1];
    fake.script({
      content: (req) => ({ reply: `Dear ${placeholder(req.raw, "Customer")}, your invoice is attached. Best, ${placeholder(req.raw, "Agent")}` }),
      delayMs: 10,
    });
    const events = await collect(agent, created.id);
    const done = events.at(-1)!;
    expect(done).toMatchObject({ type: "done", reply: `Dear Ada Lovelace, your invoice is attached. Best, ${a.users.AGENT.name}` });
    // Previews first (at least one: the answer streamed in pieces), then the validated reply.
    expect(events.length).toBeGreaterThan(1);
    expect(events.slice(0, -1).every((e) => e.type === "text")).toBe(true);
    const sent = fake.received[0]!;
    expect(sent.stream).toBe(true);
    for (const secret of ["VIP list", "ada@example.com", "Ada Lovelace", a.users.AGENT.name]) expect(sent.raw).not.toContain(secret);
    expect(sent.raw).toContain("We are looking into it, [EMAIL_1]");
  });

  it("ends with a structured error when the tenant is over budget, without calling the model", async () => {
    const t = await createTestTenant("ai-draft-budget");
    await setAi(t, { tokensPerDay: 0 });
    const member = await callerFor(t.users.AGENT, t.slug);
    const created = await member.cases.create({ title: "Budget", description: "" });
    fake.reset();
    await expectAppError(collect(member, created.id), "TOO_MANY_REQUESTS", "AI_BUDGET_EXCEEDED");
    expect(fake.received).toEqual([]);
  });

  it("refuses viewers", async () => {
    const created = await agent.cases.create({ title: "Viewer draft", description: "" });
    await expectAppError(collect(viewer, created.id), "FORBIDDEN");
  });
});

describe("runs and status", () => {
  it("lists runs newest first with today's tokens for admins, and one run's attempts; refuses agents", async () => {
    const page = await admin.ai.runs({ limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    expect(page.usage.tokensToday).toBeGreaterThan(0);
    const next = await admin.ai.runs({ limit: 2, cursor: page.nextCursor });
    expect(next.items.map((r) => r.id)).not.toContain(page.items[0]!.id);
    const failed = await admin.ai.runs({ outcome: "FAILED" });
    expect(failed.items.every((r) => r.outcome === "FAILED")).toBe(true);
    const one = await admin.ai.run({ id: failed.items[0]!.id });
    expect(one.attempts.length).toBeGreaterThan(0);
    await expectAppError(agent.ai.runs({}), "FORBIDDEN");
    await expectAppError(admin.ai.runs({ cursor: "not-a-cursor" }), "BAD_REQUEST");
  });

  it("says whether AI can be used, for members and keys", async () => {
    expect(await viewer.ai.status()).toEqual({ available: true, enabled: true });
    const key = await apiKeyCaller(await createTestApiKey(a, { role: "VIEWER" }));
    expect(await key.ai.status()).toEqual({ available: true, enabled: true });
    const t = await createTestTenant("ai-off");
    await setAi(t, { enabled: false });
    expect(await (await callerFor(t.users.VIEWER, t.slug)).ai.status()).toEqual({ available: true, enabled: false });
  });
});
