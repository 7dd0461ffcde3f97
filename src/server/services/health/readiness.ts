// Readiness: the database answers and has every migration applied. Redis, when configured, is
// reported but optional: without it rate limits fall back to memory, so an instance whose Redis
// is down still serves (status "degraded") and is not taken out of rotation.
import { env } from "@/env";
import { getDatabase } from "@/server/db/database";
import { migrationStatus } from "@/server/db/migrations";

export interface CheckResult {
  ok: boolean;
  ms: number;
  detail?: string;
  /** "degraded": an optional dependency is down and its fallback is in use. */
  status?: "up" | "degraded" | "down";
}

async function timed(fn: () => Promise<string | undefined>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const detail = await fn();
    return { ok: true, ms: Math.round(performance.now() - started), detail };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), detail: (error as Error).message };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms).unref()),
  ]);
}

export async function checkReadiness() {
  const database = await timed(async () => {
    const db = await withTimeout(getDatabase(), 15_000, "database");
    const status = await withTimeout(migrationStatus(db.sql), 5_000, "database");
    if (status.pending.length || status.modified.length || status.failed.length) {
      throw new Error(`migrations not in order: ${JSON.stringify({ pending: status.pending, modified: status.modified, failed: status.failed })}`);
    }
    return `${db.kind}, ${status.applied.length} migrations applied`;
  });
  const checks: Record<string, CheckResult> = { database };
  const ok = database.ok;
  if (env.REDIS_URL) {
    const redis = await timed(async () => {
      const { pingRedis } = await import("@/server/redis");
      return withTimeout(pingRedis(1_000), 1_000, "redis");
    });
    checks.redis = { ...redis, status: redis.ok ? "up" : "degraded" };
  }
  return { ok, checks };
}
