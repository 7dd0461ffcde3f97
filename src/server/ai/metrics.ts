// AI metrics of this process, read by /api/metrics (src/app/api/metrics/prometheus.ts): runs by
// agent and outcome, failures by reason, run latency, tokens. On globalThis for the same reason as
// the job metrics: route handlers and the job runner are separate module graphs in Next.

/** Upper bounds (ms) of the latency histogram; a last, unbounded bucket is implied. */
export const AI_LATENCY_BUCKETS_MS = [100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000] as const;

interface AgentStats {
  outcomes: Map<string, number>;
  failures: Map<string, number>;
  tokensIn: number;
  tokensOut: number;
  latency: { count: number; sumMs: number; buckets: number[] };
}

export interface AiMetricsSnapshot {
  agents: {
    agent: string;
    outcomes: { outcome: string; count: number }[];
    failures: { reason: string; count: number }[];
    tokensIn: number;
    tokensOut: number;
    latency: { count: number; sumMs: number; cumulative: { leMs: number | null; count: number }[] };
  }[];
}

const globalForAi = globalThis as unknown as { caseboardAiMetrics?: Map<string, AgentStats> };
const registry: Map<string, AgentStats> = (globalForAi.caseboardAiMetrics ??= new Map());

function statsOf(agent: string): AgentStats {
  let stats = registry.get(agent);
  if (!stats) {
    stats = {
      outcomes: new Map(),
      failures: new Map(),
      tokensIn: 0,
      tokensOut: 0,
      latency: { count: 0, sumMs: 0, buckets: new Array<number>(AI_LATENCY_BUCKETS_MS.length + 1).fill(0) },
    };
    registry.set(agent, stats);
  }
  return stats;
}

export function recordAiRun(run: { agent: string; outcome: "succeeded" | "failed"; failureReason?: string | null; ms: number; tokensIn: number; tokensOut: number }): void {
  const stats = statsOf(run.agent);
  stats.outcomes.set(run.outcome, (stats.outcomes.get(run.outcome) ?? 0) + 1);
  if (run.failureReason) stats.failures.set(run.failureReason, (stats.failures.get(run.failureReason) ?? 0) + 1);
  stats.tokensIn += run.tokensIn;
  stats.tokensOut += run.tokensOut;
  stats.latency.count++;
  stats.latency.sumMs += run.ms;
  const bucket = AI_LATENCY_BUCKETS_MS.findIndex((le) => run.ms <= le);
  stats.latency.buckets[bucket === -1 ? AI_LATENCY_BUCKETS_MS.length : bucket]!++;
}

export function aiMetricsSnapshot(): AiMetricsSnapshot {
  return {
    agents: [...registry.entries()].map(([agent, s]) => {
      let running = 0;
      return {
        agent,
        outcomes: [...s.outcomes].map(([outcome, count]) => ({ outcome, count })),
        failures: [...s.failures].map(([reason, count]) => ({ reason, count })),
        tokensIn: s.tokensIn,
        tokensOut: s.tokensOut,
        latency: {
          count: s.latency.count,
          sumMs: s.latency.sumMs,
          cumulative: s.latency.buckets.map((n, i) => ({ leMs: AI_LATENCY_BUCKETS_MS[i] ?? null, count: (running += n) })),
        },
      };
    }),
  };
}
