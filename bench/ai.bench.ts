// The agent framework's own cost per run, with the model taken out: an in-process model (the AI
// SDK's mock language model) answers at once, so what remains is the framework. Side by side:
//   model call alone      generateText on the in-process model: the SDK's own work     (baseline)
//   runAgent              budget check and run row (one short tenant transaction), redaction,
//                         the call, JSON extraction, schema validation, the run's record (another)
//   two transactions      startRun + finishRun alone: the budget check with the run's row, and the
//                         record with the day's usage (two statements each)
//   one transaction       for scale: a tenant transaction reading one row
//   in-process work       prompt, redaction, JSON extraction, schema validation, restoring
//   runAgent, corrected   the same with a first answer that fails the schema: the error is fed
//                         back and a second call made, so two calls and one more validation
// The framework's overhead is runAgent's p50 minus the model call's; the target is under 5 ms.
import { generateText } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { triageAgent } from "@/server/ai/agents/triage";
import { configureAiProvider } from "@/server/ai/provider";
import { runAgent } from "@/server/ai/run-agent";
import { extractJson } from "@/server/ai/extract-json";
import { Redactor } from "@/server/ai/redact";
import { finishRun, startRun } from "@/server/ai/runs";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { compareSideBySide } from "./lib/measure";
import type { BenchModule } from "./lib/types";

const TARGET_MS = 5;

const ANSWER = JSON.stringify({
  category: { value: "Problem", confidence: 0.8, reason: "Something is broken" },
  businessUnit: { value: null, confidence: 0.3, reason: "No unit fits" },
  priority: { value: "HIGH", confidence: 0.9, reason: "The customer is blocked" },
  tags: { value: ["checkout"], confidence: 0.7, reason: "Topic" },
  language: "en",
  sentiment: "negative",
  summary: "Checkout fails at payment.",
});

const result = (text: string) => ({
  content: [{ type: "text" as const, text }],
  finishReason: { unified: "stop" as const, raw: "stop" },
  usage: { inputTokens: { total: 400, noCache: 400, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 80, text: 80, reasoning: 0 } },
  warnings: [],
});

const INPUT = {
  title: "Checkout fails with error 502",
  description: "Since this morning every payment fails. Write to ada@example.com or call +44 20 7946 0958. Order 10042.",
  channel: "EMAIL",
  customerName: "Ada Lovelace",
  messages: ["It still fails, please hurry", "Tried two cards"],
  categories: ["Question", "Problem", "Incident", "Request"],
  businessUnits: ["Payments", "Logistics"],
};

export const aiBench: BenchModule = {
  name: "ai",
  title: "AI agent framework overhead per run (model excluded)",
  async run(ctx) {
    let corrected = 0;
    const model = new MockLanguageModelV4({
      doGenerate: async (options) => {
        // "corrected" runs: the first answer of each pair is refused by the schema.
        const last = options.prompt.at(-1);
        const feedback = last?.role === "user" && JSON.stringify(last.content).includes("did not match the schema");
        if (corrected > 0 && !feedback) {
          corrected--;
          return result(ANSWER.replace('"HIGH"', '"VERY HIGH"'));
        }
        return result(ANSWER);
      },
    });
    configureAiProvider({ kind: "model", model: "bench-mock", languageModel: model });
    const tenant = await ctx.syntheticTenant("bench-ai", 100);
    // Budgets out of the way: the bench makes thousands of runs a minute.
    await withPrivilegedDb("bench setup", (db) =>
      db.tenant.update({ where: { id: tenant.id }, data: { settings: { ai: { runsPerMinute: 10_000, tokensPerDay: 100_000_000 } } } }),
    );
    const instructions = `${triageAgent.instructions}\n\n${triageAgent.schemaText}`;
    const prompt = triageAgent.prompt(INPUT);
    const rows = await compareSideBySide(
      [
        { label: "model call alone (generateText, in-process model)", baseline: true, fn: () => generateText({ model, instructions, messages: [{ role: "user", content: prompt }], maxRetries: 0 }) },
        {
          label: "runAgent (budget, redaction, call, extraction, validation, run record)",
          fn: async () => {
            const r = await runAgent(triageAgent, INPUT, { tenantId: tenant.id });
            if (!r.ok) throw new Error(`run failed: ${r.message}`);
          },
        },
        {
          label: "its two transactions alone (startRun + finishRun)",
          fn: async () => {
            const start = await startRun(tenant.id, { agent: "bench", version: 1, model: "bench-mock" });
            if ("refused" in start) throw new Error(start.message);
            await finishRun(tenant.id, start.runId, { outcome: "SUCCEEDED", attempts: [{ n: 1, kind: "call", ms: 1 }], tokensIn: 1, tokensOut: 1, latencyMs: 1, redactions: {} });
          },
        },
        {
          label: "for scale: one tenant transaction reading one row",
          fn: () => withTenantDb(tenant.id, (db) => db.tenant.findFirst({ select: { id: true } })),
        },
        {
          label: "its in-process work alone (prompt, redaction, extraction, validation, restore)",
          fn: async () => {
            const redactor = new Redactor(triageAgent.knownPii!(INPUT));
            redactor.redact(triageAgent.prompt(INPUT));
            const extracted = extractJson(ANSWER);
            if (!extracted.ok) throw new Error(extracted.error);
            redactor.restoreDeep(triageAgent.output.parse(extracted.value));
          },
        },
        {
          label: "runAgent, first answer refused and corrected",
          fn: async () => {
            corrected = 1;
            const r = await runAgent(triageAgent, INPUT, { tenantId: tenant.id });
            if (!r.ok) throw new Error(`run failed: ${r.message}`);
          },
        },
      ],
      { durationMs: ctx.quick ? 1_500 : 8_000, blockMs: 200, warmupMs: ctx.quick ? 200 : 1_000 },
    );
    configureAiProvider(null);
    const overhead = rows[1]!.stats.p50 - rows[0]!.stats.p50;
    const runs = await withPrivilegedDb("bench read", (db) => db.agentRun.count({ where: { tenantId: tenant.id } }));
    return {
      subtitle: `triage agent, ${runs.toLocaleString("en-US")} runs recorded`,
      rows,
      notes: [
        `framework overhead per run (runAgent p50 − model call p50): ${overhead.toFixed(2)} ms, target < ${TARGET_MS} ms: ${overhead < TARGET_MS ? "met" : "NOT met"}`,
        `of which the two transactions: ${rows[2]!.stats.p50.toFixed(2)} ms p50; the in-process work: ${rows[4]!.stats.p50.toFixed(3)} ms p50`,
      ],
    };
  },
};
