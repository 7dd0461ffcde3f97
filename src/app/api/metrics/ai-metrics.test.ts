// AI runs in /api/metrics: runs by outcome, failures by reason, tokens both ways, and the run
// duration histogram, each by agent, from this process's runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { env } from "@/env";
import { defineAgent } from "@/server/ai/define-agent";
import { runAgent } from "@/server/ai/run-agent";
import { createTestTenant, type TestTenant } from "@/test/factories";
import { startFakeAiProvider, type FakeAiProvider } from "@/test/fake-ai-provider";
import { GET } from "./route";

const agent = defineAgent({
  name: `metrics-probe-${Date.now().toString(36)}`,
  version: 1,
  input: z.object({}),
  output: z.object({ ok: z.boolean() }),
  instructions: "Say ok.",
  prompt: () => "ok?",
});

let fake: FakeAiProvider;
let tenant: TestTenant;
beforeAll(async () => {
  fake = await startFakeAiProvider();
  fake.use();
  tenant = await createTestTenant("ai-metrics");
});
afterAll(() => fake.close());

describe("AI metrics", () => {
  it("counts runs, failures by reason, tokens and durations by agent", async () => {
    fake.script({ content: { ok: true }, tokensIn: 40, tokensOut: 5 }, { content: "nope" }, { content: "still nope" }, { content: "never" });
    expect((await runAgent(agent, {}, { tenantId: tenant.id })).ok).toBe(true);
    expect(await runAgent(agent, {}, { tenantId: tenant.id })).toMatchObject({ ok: false, reason: "invalid_output" });
    const response = await GET(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${env.CRON_SECRET}` } }));
    const text = await response.text();
    const name = agent.name;
    expect(text).toContain(`caseboard_ai_runs_total{agent="${name}",outcome="succeeded"} 1`);
    expect(text).toContain(`caseboard_ai_runs_total{agent="${name}",outcome="failed"} 1`);
    expect(text).toContain(`caseboard_ai_run_failures_total{agent="${name}",reason="invalid_output"} 1`);
    // 40 in from the first run, 100 for each of the three answers of the second (the fake's default).
    expect(text).toContain(`caseboard_ai_tokens_total{agent="${name}",direction="in"} 340`);
    expect(text).toContain(`caseboard_ai_run_duration_seconds_count{agent="${name}"} 2`);
    expect(text).toContain(`caseboard_ai_run_duration_seconds_bucket{agent="${name}",le="+Inf"} 2`);
  });
});
