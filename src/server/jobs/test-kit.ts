// Helpers for the jobs tests: unique job types per test, fast timings (no real waiting beyond
// tens of milliseconds), and direct reads of job rows.
import { z } from "zod";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { defineJob } from "./define";
import { registerJob } from "./registry";
import { runDueJobs, type RunOptions, type RunnerTiming } from "./runner";

export const FAST_TIMING: RunnerTiming = {
  leaseMs: 5_000,
  heartbeatMs: 40,
  progressFlushMs: 20,
  timeoutMs: 10_000,
  backoff: { baseMs: 40, maxMs: 5_000 },
};

let counter = 0;
/** A job type no other test uses, so runners restricted to it see only this test's jobs. */
export function uniqueType(label: string): string {
  return `test.${label}-${Date.now().toString(36)}${(counter++).toString(36)}`;
}

export function readJob(id: string) {
  return withPrivilegedDb("test check", (db) => db.job.findUniqueOrThrow({ where: { id } }));
}

/**
 * Cancels waiting jobs of `types` that belong to other tenants (or to none): test files share one
 * database, and a fan-out (trending, training, vocabularies) enqueues for every tenant with work,
 * so a test that runs or claims these types must find its own tenant's.
 */
export async function cancelOtherTenantsJobs(tenant: { id: string }, types: string[]) {
  await withPrivilegedDb("test cleanup", (db) =>
    db.job.updateMany({
      where: { type: { in: types }, status: { in: ["PENDING", "FAILED"] }, OR: [{ tenantId: null }, { tenantId: { not: tenant.id } }] },
      data: { status: "CANCELLED", finishedAt: new Date() },
    }),
  );
}

export function runOnly(types: string[], options: RunOptions = {}) {
  return runDueJobs({ budgetMs: 10_000, recurring: false, ...options, types, timing: { ...FAST_TIMING, ...options.timing } });
}

export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Resolves when `signal` aborts, rejecting with its reason (what a cooperative handler does). */
export function abortOf(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

export const noPayload = z.object({}).default({});

/** A system job type counting its calls per job id; the handler (if any) decides each attempt's outcome. */
export function countingJob(label: string, handler?: (attempt: number) => Promise<unknown>) {
  const calls = new Map<string, number>();
  const definition = registerJob(
    defineJob({
      type: uniqueType(label),
      scope: "system",
      transaction: "per-call",
      payload: noPayload,
      async handler(_payload, { job }) {
        calls.set(job.id, (calls.get(job.id) ?? 0) + 1);
        return handler ? handler(job.attempt) : { ok: true };
      },
    }),
  );
  return { type: definition.type, calls };
}
