// AI runs in the Prometheus registry (prometheus.ts): read from this process's own counters
// (src/server/ai/metrics.ts) at scrape time, so nothing is counted twice.
import "server-only";
import { Counter, type Metric, type Registry } from "prom-client";
import { aiMetricsSnapshot } from "@/server/ai/metrics";

/** AI runs of this process (src/server/ai/metrics.ts): outcomes, failures by reason, tokens, latency. */
export function registerAiMetrics(registry: Registry): void {
  new Counter({
    name: "caseboard_ai_runs_total",
    help: "AI agent runs in this process by agent and outcome (succeeded, failed; refusals for budget or a tenant that turned AI off count as failed)",
    labelNames: ["agent", "outcome"],
    registers: [registry],
    collect() {
      this.reset();
      for (const a of aiMetricsSnapshot().agents) for (const o of a.outcomes) this.inc({ agent: a.agent, outcome: o.outcome }, o.count);
    },
  });
  new Counter({
    name: "caseboard_ai_run_failures_total",
    help: "Failed AI runs by agent and reason (invalid_output, provider_error, timeout, rate_limited, budget_exceeded, disabled, cancelled)",
    labelNames: ["agent", "reason"],
    registers: [registry],
    collect() {
      this.reset();
      for (const a of aiMetricsSnapshot().agents) for (const f of a.failures) this.inc({ agent: a.agent, reason: f.reason }, f.count);
    },
  });
  new Counter({
    name: "caseboard_ai_tokens_total",
    help: "Tokens sent to (in) and received from (out) AI providers by agent",
    labelNames: ["agent", "direction"],
    registers: [registry],
    collect() {
      this.reset();
      for (const a of aiMetricsSnapshot().agents) {
        this.inc({ agent: a.agent, direction: "in" }, a.tokensIn);
        this.inc({ agent: a.agent, direction: "out" }, a.tokensOut);
      }
    },
  });
  const name = "caseboard_ai_run_duration_seconds";
  const help = "Duration of AI agent runs (all attempts and retries) by agent";
  registry.registerMetric({
    name,
    help,
    type: "histogram",
    aggregator: "sum",
    get: async () => ({
      name,
      help,
      type: "histogram",
      aggregator: "sum",
      values: aiMetricsSnapshot().agents.flatMap((a) => [
        ...a.latency.cumulative.map((b) => ({ metricName: `${name}_bucket`, labels: { agent: a.agent, le: b.leMs === null ? "+Inf" : String(b.leMs / 1000) }, value: b.count })),
        { metricName: `${name}_sum`, labels: { agent: a.agent }, value: a.latency.sumMs / 1000 },
        { metricName: `${name}_count`, labels: { agent: a.agent }, value: a.latency.count },
      ]),
    }),
  } as unknown as Metric);
}
