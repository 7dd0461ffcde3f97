// Per-procedure request metrics of this process: calls by procedure and outcome code, and a
// duration histogram by procedure, recorded by the request middleware and read by the Prometheus
// endpoint at scrape time (src/app/api/metrics/prometheus.ts). Subscriptions are left out: a
// stream's "duration" is how long someone kept a tab open.

/** Upper bounds of the duration buckets, in ms (the last bucket is +Inf). */
export const PROCEDURE_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000] as const;

interface ProcedureStats {
  /** Calls by outcome: "OK" or the error code. */
  calls: Map<string, number>;
  /** Per bucket (not cumulative); one more than PROCEDURE_BUCKETS_MS for +Inf. */
  buckets: number[];
  sumMs: number;
  count: number;
}

const stats = new Map<string, ProcedureStats>();

export function recordProcedureCall(procedure: string, code: string, durationMs: number): void {
  let s = stats.get(procedure);
  if (!s) {
    s = { calls: new Map(), buckets: new Array<number>(PROCEDURE_BUCKETS_MS.length + 1).fill(0), sumMs: 0, count: 0 };
    stats.set(procedure, s);
  }
  s.calls.set(code, (s.calls.get(code) ?? 0) + 1);
  const index = PROCEDURE_BUCKETS_MS.findIndex((le) => durationMs <= le);
  s.buckets[index === -1 ? PROCEDURE_BUCKETS_MS.length : index]! += 1;
  s.sumMs += durationMs;
  s.count += 1;
}

export interface ProcedureSnapshot {
  procedure: string;
  calls: { code: string; count: number }[];
  /** Cumulative counts per bucket bound (ms; null = +Inf), as Prometheus histograms want them. */
  cumulative: { leMs: number | null; count: number }[];
  sumMs: number;
  count: number;
}

export function procedureMetricsSnapshot(): ProcedureSnapshot[] {
  return [...stats].map(([procedure, s]) => {
    let running = 0;
    const cumulative = s.buckets.map((n, i) => {
      running += n;
      return { leMs: i < PROCEDURE_BUCKETS_MS.length ? PROCEDURE_BUCKETS_MS[i]! : null, count: running };
    });
    return { procedure, calls: [...s.calls].map(([code, count]) => ({ code, count })), cumulative, sumMs: s.sumMs, count: s.count };
  });
}
