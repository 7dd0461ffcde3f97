// The database side of running a job: claiming due jobs under a lease, extending the lease while
// the handler works (heartbeat), taking over jobs whose runner died (reaping), and recording the
// outcome of an attempt only if this runner still holds the job. Each is one short transaction.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { logger } from "@/server/logger";
import type { AnyJobDefinition, BackoffOptions } from "./define";
import { appendJobEvents, publishAppended } from "@/server/realtime/job-events";
import { countJob } from "./metrics";
import { findJobDefinition } from "./registry";

export interface RunnerTiming {
  /** How long a claim holds before another runner may take the job over. */
  leaseMs: number;
  /** How often a running job's lease is extended (and a cancel from another instance noticed). */
  heartbeatMs: number;
  /** How soon progress reported by a handler is written to the job row. */
  progressFlushMs: number;
  /** Default attempt limit for types that set none. */
  timeoutMs: number;
  backoff: BackoffOptions;
}

export const DEFAULT_TIMING: RunnerTiming = {
  leaseMs: 30_000,
  heartbeatMs: 10_000,
  progressFlushMs: 1_000,
  timeoutMs: 5 * 60_000,
  backoff: { baseMs: 10_000, maxMs: 60 * 60_000 },
};

/** A claimed job as the runner sees it. */
export interface ClaimedJob {
  id: string;
  tenantId: string | null;
  tenantSlug: string | null;
  type: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
}

export function newWorkerId(label = "runner"): string {
  return `${hostname()}:${process.pid}:${label}:${randomBytes(3).toString("hex")}`;
}

const MAX_ERROR_HISTORY = 20;
const MAX_MESSAGE = 2_000;
const MAX_STACK = 8_000;

/** Jittered exponential backoff: attempt n waits between half and all of base·2^(n-1), capped. */
export function retryDelayMs(attempt: number, backoff: BackoffOptions, random = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function leaseFor(definition: AnyJobDefinition, timing: RunnerTiming): number {
  // A handler that holds one transaction for its attempt cannot be heartbeaten on the embedded
  // database (the heartbeat waits for that transaction), so its lease covers the whole attempt.
  return (definition.transaction ?? "attempt") === "attempt"
    ? (definition.timeoutMs ?? timing.timeoutMs) + timing.leaseMs
    : timing.leaseMs;
}

/** Claims up to `limit` due jobs of `types` for `workerId`. Exported for tests that simulate a runner dying after its claim. */
export async function claimJobs(workerId: string, limit: number, types: readonly string[], timing: RunnerTiming): Promise<ClaimedJob[]> {
  // Without types the query would match nothing anyway (`type = ANY('{}')`): skipping it only spares
  // a round trip, so a mutant dropping `types.length === 0` is equivalent.
  if (limit < 1 || types.length === 0) return [];
  const leases: Record<string, number> = {};
  for (const type of types) {
    const definition = findJobDefinition(type);
    if (definition) leases[type] = leaseFor(definition, timing);
  }
  // Stryker disable next-line StringLiteral: the transaction's label, for logs and traces only
  const { rows, appended } = await withPrivilegedDb("claim jobs", async (db) => {
    const claimed = await db.$queryRaw<ClaimedJob[]>`
      WITH due AS (
        SELECT id FROM jobs
         WHERE status IN ('PENDING', 'FAILED') AND run_at <= now() AND cancel_requested_at IS NULL
           AND type = ANY(${[...types]}::text[])
         ORDER BY priority DESC, run_at, id
         LIMIT ${limit}
         FOR UPDATE SKIP LOCKED
      )
      UPDATE jobs AS j
         SET status = 'RUNNING', attempts = j.attempts + 1, locked_by = ${workerId},
             locked_until = now() + COALESCE((${JSON.stringify(leases)}::jsonb ->> j.type)::int, ${timing.leaseMs}::int) * interval '1 millisecond',
             started_at = now(), finished_at = NULL, updated_at = now()
        FROM due
       WHERE j.id = due.id
      RETURNING j.id, j.tenant_id::text AS "tenantId", j.type, j.payload, j.attempts, j.max_attempts AS "maxAttempts",
                j.run_at AS "runAt", j.created_at AS "createdAt", j.priority,
                (SELECT t.slug FROM tenants t WHERE t.id = j.tenant_id) AS "tenantSlug"`;
    const changes = claimed.map((j) => ({ id: j.id, tenantId: j.tenantId, type: j.type, status: "RUNNING", progress: null }));
    return { rows: claimed, appended: await appendJobEvents(db, changes) };
  });
  publishAppended(appended);
  // RETURNING does not keep the CTE's order.
  return (rows as (ClaimedJob & { priority: number })[]).sort(
    (a, b) => b.priority - a.priority || a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id),
  );
}

/**
 * A runner that stops renewing a lease (killed, out of memory, host lost) says nothing about the
 * job: its attempt is handed back, as on a graceful release, and the job is runnable at once by
 * another runner. Only errors thrown by the handler use up attempts. A job that takes its runner
 * down every time would otherwise loop forever: after this many lost leases it is dead.
 */
export const MAX_LOST_LEASES = 10;

/** Puts jobs whose runner stopped renewing its lease back on the queue without counting the attempt. */
export async function reapExpiredLeases(): Promise<{ id: string; type: string; status: string }[]> {
  // Stryker disable next-line StringLiteral: the transaction's label, for logs and traces only
  const rows = await withPrivilegedDb("reap expired job leases", (db) =>
    db.$queryRaw<{ id: string; type: string; status: string }[]>`
      WITH expired AS (
        SELECT id,
               CASE WHEN cancel_requested_at IS NOT NULL THEN 'CANCELLED'
                    WHEN (SELECT count(*) FROM jsonb_array_elements(error_history) e WHERE e ->> 'leaseLost' = 'true')
                         >= ${MAX_LOST_LEASES - 1}::int THEN 'DEAD'
                    ELSE 'PENDING' END::"JobStatus" AS next
          FROM jobs
         WHERE status = 'RUNNING' AND locked_until < now()
         ORDER BY locked_until
         LIMIT 100
         FOR UPDATE SKIP LOCKED
      )
      UPDATE jobs AS j
         SET status = expired.next,
             attempts = CASE WHEN expired.next = 'PENDING' THEN greatest(j.attempts - 1, 0) ELSE j.attempts END,
             run_at = CASE WHEN expired.next = 'PENDING' THEN now() ELSE j.run_at END,
             finished_at = CASE WHEN expired.next = 'PENDING' THEN NULL ELSE now() END,
             last_error = CASE WHEN expired.next = 'CANCELLED' THEN j.last_error
                               ELSE 'Runner ' || coalesce(j.locked_by, '?') || ' stopped renewing its lease' END,
             error_history = CASE WHEN expired.next = 'CANCELLED' THEN j.error_history ELSE
               (CASE WHEN jsonb_array_length(j.error_history) >= ${MAX_ERROR_HISTORY}::int THEN j.error_history - 0 ELSE j.error_history END)
               || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
                    'attempt', j.attempts, 'at', now(), 'leaseLost', true,
                    'message', 'Runner ' || coalesce(j.locked_by, '?') || ' stopped renewing its lease',
                    'retryAt', CASE WHEN expired.next = 'PENDING' THEN now() END))) END,
             locked_by = NULL, locked_until = NULL, updated_at = now()
        FROM expired
       WHERE j.id = expired.id
      RETURNING j.id, j.type, j.status::text AS status`,
  );
  for (const row of rows) {
    const counter = row.status === "DEAD" ? "dead" : row.status === "CANCELLED" ? "cancelled" : "released";
    countJob(counter, row.type);
    // Stryker disable next-line ObjectLiteral,StringLiteral: a log line
    logger.warn({ jobId: row.id, jobType: row.type, status: row.status }, "job lease expired: its runner stopped; the job is back on the queue");
  }
  return rows;
}

export interface Progress {
  percent?: number;
  stage?: string;
  dirty: boolean;
}

/** Extends the lease and writes progress; reports whether the claim still holds and whether a cancel arrived. */
export async function heartbeat(job: ClaimedJob, workerId: string, leaseMs: number, progress: Progress) {
  const percent = progress.percent ?? null;
  const stage = progress.stage ?? null;
  // Stryker disable next-line StringLiteral: the transaction's label, for logs and traces only
  const [row, appended] = await withPrivilegedDb("job heartbeat", async (db) => {
    const [updated] = await db.$queryRaw<{ cancelRequested: boolean; progress: number | null }[]>`
      UPDATE jobs
         SET locked_until = GREATEST(locked_until, now() + ${leaseMs}::int * interval '1 millisecond'),
             progress = COALESCE(${percent}::int, progress), stage = COALESCE(${stage}::text, stage), updated_at = now()
       WHERE id = ${job.id}::uuid AND locked_by = ${workerId} AND attempts = ${job.attempts}::int AND status = 'RUNNING'
      RETURNING cancel_requested_at IS NOT NULL AS "cancelRequested", progress`;
    // Progress others may be watching; a plain lease renewal is news to nobody. (A mutant filling
    // the empty list is equivalent: appendJobEvents skips any change without a tenant.)
    const changes = updated && progress.dirty ? [{ id: job.id, tenantId: job.tenantId, type: job.type, status: "RUNNING", progress: updated.progress, stage }] : [];
    return [updated, await appendJobEvents(db, changes)] as const;
  });
  publishAppended(appended);
  return row ? { owned: true, cancelRequested: row.cancelRequested } : { owned: false, cancelRequested: false };
}

export type Finish =
  | { kind: "succeeded"; result: unknown }
  | { kind: "failed"; error: unknown; retryInMs: number; permanent: boolean; cancelled: boolean }
  | { kind: "released" };

/** Records the attempt's outcome if this runner still holds the job; returns the new status, or null when it did not. */
export async function finish(job: ClaimedJob, workerId: string, outcome: Finish, progress: Progress): Promise<string | null> {
  const owner = (alias: string) =>
    `${alias}.id = $1::uuid AND ${alias}.locked_by = $2 AND ${alias}.attempts = $3::int AND ${alias}.status = 'RUNNING'`;
  const stage = progress.stage ?? null;
  // Stryker disable next-line StringLiteral: the transaction's label, for logs and traces only
  const finished = await withPrivilegedDb("finish job", async (db) => {
    let rows: { status: string }[];
    if (outcome.kind === "succeeded") {
      rows = await db.$queryRawUnsafe<{ status: string }[]>(
        `UPDATE jobs AS j SET status = 'SUCCEEDED', result = $4::jsonb, progress = 100, stage = COALESCE($5::text, j.stage),
                finished_at = now(), locked_by = NULL, locked_until = NULL, updated_at = now()
          WHERE ${owner("j")} RETURNING j.status::text AS status`,
        job.id, workerId, job.attempts, JSON.stringify(outcome.result ?? null), stage,
      );
    } else if (outcome.kind === "released") {
      rows = await db.$queryRawUnsafe<{ status: string }[]>(
        `UPDATE jobs AS j
            SET status = CASE WHEN j.cancel_requested_at IS NOT NULL THEN 'CANCELLED' ELSE 'PENDING' END::"JobStatus",
                finished_at = CASE WHEN j.cancel_requested_at IS NOT NULL THEN now() END,
                attempts = CASE WHEN j.cancel_requested_at IS NOT NULL THEN j.attempts ELSE j.attempts - 1 END,
                run_at = now(), progress = COALESCE($4::int, j.progress), stage = COALESCE($5::text, j.stage),
                locked_by = NULL, locked_until = NULL, updated_at = now()
          WHERE ${owner("j")} RETURNING j.status::text AS status`,
        job.id, workerId, job.attempts, progress.percent ?? null, stage,
      );
    } else {
      const err = outcome.error instanceof Error ? outcome.error : new Error(String(outcome.error));
      const message = (err.message || err.name).slice(0, MAX_MESSAGE);
      rows = await db.$queryRawUnsafe<{ status: string }[]>(
        `WITH cur AS (
           SELECT id, CASE WHEN cancel_requested_at IS NOT NULL OR $4::boolean THEN 'CANCELLED'
                           WHEN $5::boolean OR attempts >= max_attempts THEN 'DEAD'
                           ELSE 'FAILED' END::"JobStatus" AS next
             FROM jobs j WHERE ${owner("j")} FOR UPDATE
         )
         UPDATE jobs AS j
            SET status = cur.next,
                run_at = CASE WHEN cur.next = 'FAILED' THEN now() + $6::int * interval '1 millisecond' ELSE j.run_at END,
                finished_at = CASE WHEN cur.next = 'FAILED' THEN NULL ELSE now() END,
                cancel_requested_at = CASE WHEN cur.next = 'CANCELLED' THEN COALESCE(j.cancel_requested_at, now()) ELSE j.cancel_requested_at END,
                last_error = CASE WHEN cur.next = 'CANCELLED' THEN j.last_error ELSE $7 END,
                error_history = CASE WHEN cur.next = 'CANCELLED' THEN j.error_history ELSE
                  (CASE WHEN jsonb_array_length(j.error_history) >= ${MAX_ERROR_HISTORY} THEN j.error_history - 0 ELSE j.error_history END)
                  || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
                       'attempt', j.attempts, 'at', now(), 'message', $7::text, 'stack', $8::text,
                       'retryAt', CASE WHEN cur.next = 'FAILED' THEN now() + $6::int * interval '1 millisecond' END))) END,
                progress = COALESCE($9::int, j.progress), stage = COALESCE($10::text, j.stage),
                locked_by = NULL, locked_until = NULL, updated_at = now()
           FROM cur
          WHERE j.id = cur.id
          RETURNING j.status::text AS status`,
        job.id, workerId, job.attempts, outcome.cancelled, outcome.permanent, outcome.retryInMs,
        message, err.stack?.slice(0, MAX_STACK) ?? null, progress.percent ?? null, stage,
      );
    }
    const status = rows[0]?.status ?? null;
    // As in heartbeat: appendJobEvents skips changes without a tenant, so the empty list's contents
    // are not observable (a mutant filling it is equivalent).
    const changes = status ? [{ id: job.id, tenantId: job.tenantId, type: job.type, status, progress: outcome.kind === "succeeded" ? 100 : (progress.percent ?? null), stage }] : [];
    return { status, appended: await appendJobEvents(db, changes) };
  });
  publishAppended(finished.appended);
  return finished.status;
}
