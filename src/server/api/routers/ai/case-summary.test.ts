// Summaries of long threads: asked for when a message arrives on a long thread (one job for a
// burst) and at once on a handover, written by the agent from the whole thread (notes included,
// marked as such), replaced by the next, and read through ai.summary; short threads get none.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { runOnly } from "@/server/jobs/test-kit";
import { summarizeCase } from "@/server/services/suggestions/case-summary";
import { clearWaitingAiJobs, setAiSettings } from "@/test/ai-settings";
import { expectAppError } from "@/test/errors";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { startFakeAiProvider, type FakeAiProvider } from "@/test/fake-ai-provider";

let fake: FakeAiProvider;
let tenant: TestTenant;
let agent: Awaited<ReturnType<typeof callerFor>>;

const summaryJobs = (caseId: string) =>
  withPrivilegedDb("test read", (db) => db.job.findMany({ where: { type: "ai.summarize-case", payload: { path: ["caseId"], equals: caseId } }, select: { id: true, runAt: true, status: true } }));
const makeDue = (caseId: string) =>
  withPrivilegedDb("test fixture", (db) => db.job.updateMany({ where: { type: "ai.summarize-case", payload: { path: ["caseId"], equals: caseId } }, data: { runAt: new Date() } }));
const answer = (summary: string) => ({ content: { summary, keyPoints: ["Refund promised by Friday"], nextStep: "Confirm the refund" } });

beforeAll(async () => {
  fake = await startFakeAiProvider();
  fake.use();
  await clearWaitingAiJobs();
  tenant = await createTestTenant("ai-summary");
  await setAiSettings(tenant, { triageNewCases: false });
  agent = await callerFor(tenant.users.AGENT, tenant.slug);
});
afterAll(async () => {
  await clearWaitingAiJobs();
  await fake.close();
});
beforeEach(() => fake.reset());

async function caseWithMessages(count: number) {
  const created = await agent.cases.create({ title: "Refund for a double charge", description: "Charged twice on 12 Nov" });
  for (let i = 1; i <= count; i++) {
    await agent.cases.addMessage({ caseId: created.id, kind: i === 2 ? "INTERNAL_NOTE" : "PUBLIC_REPLY", body: i === 2 ? "Internal: finance approved" : `Message ${i}` });
  }
  return created;
}

describe("thread summaries", () => {
  it("gives a short thread none, and a long one one job for a burst of messages, a minute after", async () => {
    const short = await caseWithMessages(3);
    expect(await summaryJobs(short.id)).toEqual([]);
    const long = await caseWithMessages(8);
    const jobs = await summaryJobs(long.id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect((await agent.ai.summary({ caseId: long.id })).summary).toBeNull();
  });

  it("writes the summary from the whole thread, notes marked, and shows it; the next replaces it", async () => {
    const created = await caseWithMessages(6);
    await makeDue(created.id);
    fake.script(answer("The customer was charged twice and wants a refund."));
    await runOnly(["ai.summarize-case"]);
    const sent = fake.received[0]!.raw;
    expect(sent).toContain("[internal note] Internal: finance approved");
    expect(sent).toContain("[agent] Message 6");
    const { summary } = await agent.ai.summary({ caseId: created.id });
    expect(summary).toMatchObject({ summary: "The customer was charged twice and wants a refund.", keyPoints: ["Refund promised by Friday"], nextStep: "Confirm the refund", messages: 6 });

    await agent.cases.addMessage({ caseId: created.id, kind: "PUBLIC_REPLY", body: "Refund sent" });
    await makeDue(created.id);
    fake.script(answer("Refund sent; waiting for the customer to confirm."));
    await runOnly(["ai.summarize-case"]);
    expect((await agent.ai.summary({ caseId: created.id })).summary).toMatchObject({ summary: "Refund sent; waiting for the customer to confirm.", messages: 7 });
    // One summary per case, not one per run; the triage panel does not list it.
    expect((await agent.ai.suggestions({ caseId: created.id })).items).toEqual([]);
  });

  it("summarises at once on a handover", async () => {
    const created = await caseWithMessages(6);
    await withPrivilegedDb("test fixture", (db) => db.job.deleteMany({ where: { type: "ai.summarize-case", payload: { path: ["caseId"], equals: created.id } } }));
    const { version } = await agent.cases.get({ id: created.id });
    await agent.cases.assign({ id: created.id, assigneeId: tenant.users.ADMIN.id, version });
    const [job] = await summaryJobs(created.id);
    expect(job!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("never summarises another tenant's case, and another tenant's id is NOT_FOUND", async () => {
    const other = await createTestTenant("ai-summary-b");
    await setAiSettings(other, { triageNewCases: false });
    const bCase = await (await callerFor(other.users.AGENT, other.slug)).cases.create({ title: "Bravo", description: "" });
    expect(await summarizeCase(tenant.id, bCase.id)).toEqual({ status: "skipped", why: "the case is gone" });
    expect(fake.received).toEqual([]);
    await expectAppError(agent.ai.summary({ caseId: bCase.id }), "NOT_FOUND");
  });
});
