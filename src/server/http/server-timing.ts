// The Server-Timing header of API answers: where a request's time went, readable in the browser's
// network panel and by the benchmarks. Phases of one request (a batch adds its calls' times up):
//   auth    building the context: session or API key lookup (and an API key's rate limit)
//   rate    the caller's rate limit, for sessions
//   tenant  deciding tenant, membership and permission
//   tx      the tenant transaction: BEGIN, role and tenant settings, the procedure's queries, COMMIT
//   proc    the procedure with its middlewares, tenant decision and transaction included
//   total   the whole request in the route handler, serialisation included
// Durations only, rounded to 0.1 ms; nothing about the data.
const NAME = /^[a-z]+$/;

export class ServerTiming {
  private readonly entries = new Map<string, number>();

  add(name: string, ms: number): void {
    if (!NAME.test(name) || !Number.isFinite(ms) || ms < 0) return;
    this.entries.set(name, (this.entries.get(name) ?? 0) + ms);
  }

  /** Times `fn` under `name`, whether it resolves or throws. */
  async measure<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      this.add(name, performance.now() - started);
    }
  }

  header(): string {
    return [...this.entries].map(([name, ms]) => `${name};dur=${Math.round(ms * 10) / 10}`).join(", ");
  }
}

/** Parses a Server-Timing header into durations by name (benchmarks, tests). */
export function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    const dur = params.find((p) => p.trim().startsWith("dur="));
    if (name && dur) out[name] = Number(dur.trim().slice(4));
  }
  return out;
}
