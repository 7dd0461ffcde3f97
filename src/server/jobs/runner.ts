// Runs due jobs. Safe to call from many processes at once: a job is claimed with
// FOR UPDATE SKIP LOCKED and leased to one runner; the lease is extended while the handler works
// and, if the runner dies, expires so another runner takes the job over.
//
// Every step is its own short transaction: claim, heartbeats, finish. No transaction is held
// around a handler, which opens its own (the embedded database serialises transactions: holding
// one while the handler waits for another would deadlock).
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { runWithContext } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { logger } from "@/server/logger";
import { JobAbortedError, PermanentJobError, type AnyJobDefinition, type BackoffOptions, type JobInfo, type RecurringTask } from "./define";
import { jobTransactionScope, trackLocalRun } from "./local-runs";
import { countJob, recordJobDuration, refreshQueueDepth } from "./metrics";
import { ensureRecurring } from "./recurring";
import { findJobDefinition, registeredJobTypes } from "./registry";
import { recurringTasks as builtInRecurringTasks } from "./tasks";

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

export interface RunOptions {
  /** Stop claiming after this long (running jobs are awaited). Default 25 s. */
  budgetMs?: number;
  /** Written to locked_by; defaults to host:pid:random. */
  workerId?: string;
  /** Jobs run at once by this call. Default 4. */
  concurrency?: number;
  /** Claim only these types (a dedicated worker); default: every registered type. */
  types?: readonly string[];
  /** Shutdown: stop claiming, ask running jobs to stop; those that do go back to the queue. */
  signal?: AbortSignal;
  /** Recurring tasks to enqueue first; false to skip. Default: the platform's. */
  recurring?: readonly RecurringTask[] | false;
  timing?: Partial<RunnerTiming>;
}

export interface RunSummary {
  workerId: string;
  claimed: number;
  succeeded: number;
  failed: number;
  dead: number;
  cancelled: number;
  /** Stopped by a shutdown and put back on the queue without using up an attempt. */
  released: number;
  /** Finished after another runner had taken the job over; their outcome was discarded. */
  leaseLost: number;
  /** Jobs of dead runners whose lease had expired, put back on the queue (or made dead). */
  reaped: number;
  recurringEnqueued: number;
  durationMs: number;
  stoppedBy: "idle" | "budget" | "signal";
}

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

function leaseFor(definition: AnyJobDefinition, timing: RunnerTiming): number {
  // A handler that holds one transaction for its attempt cannot be heartbeaten on the embedded
  // database (the heartbeat waits for that transaction), so its lease covers the whole attempt.
  return (definition.transaction ?? "attempt") === "attempt"
    ? (definition.timeoutMs ?? timing.timeoutMs) + timing.leaseMs
    : timing.leaseMs;
}

/** Claims up to `limit` due jobs of `types` for `workerId`. Exported for tests that simulate a runner dying after its claim. */
export async function claimJobs(workerId: string, limit: number, types: readonly string[], timing: RunnerTiming): Promise<ClaimedJob[]> {
  if (limit < 1 || types.length === 0) return [];
  const leases: Record<string, number> = {};
  for (const type of types) {
    const definition = findJobDefinition(type);
    if (definition) leases[type] = leaseFor(definition, timing);
  }
  const rows = await withPrivilegedDb("claim jobs", (db) =>
    db.$queryRaw<ClaimedJob[]>`
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
                (SELECT t.slug FROM tenants t WHERE t.id = j.tenant_id) AS "tenantSlug"`,
  );
  // RETURNING does not keep the CTE's order.
  return (rows as (ClaimedJob & { priority: number })[]).sort(
    (a, b) => b.priority - a.priority || a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id),
  );
}

/** Puts jobs whose runner stopped renewing its lease back on the queue, counting the lost attempt. */
export async function reapExpiredLeases(): Promise<{ id: string; type: string; status: string }[]> {
  const rows = await withPrivilegedDb("reap expired job leases", (db) =>
    db.$queryRaw<{ id: string; type: string; status: string }[]>`
      WITH expired AS (
        SELECT id,
               CASE WHEN cancel_requested_at IS NOT NULL THEN 'CANCELLED'
                    WHEN attempts >= max_attempts THEN 'DEAD'
                    ELSE 'FAILED' END::"JobStatus" AS next
          FROM jobs
         WHERE status = 'RUNNING' AND locked_until < now()
         ORDER BY locked_until
         LIMIT 100
         FOR UPDATE SKIP LOCKED
      )
      UPDATE jobs AS j
         SET status = expired.next,
             run_at = CASE WHEN expired.next = 'FAILED' THEN now() ELSE j.run_at END,
             finished_at = CASE WHEN expired.next = 'FAILED' THEN NULL ELSE now() END,
             last_error = CASE WHEN expired.next = 'CANCELLED' THEN j.last_error
                               ELSE 'Runner ' || coalesce(j.locked_by, '?') || ' stopped renewing its lease' END,
             error_history = CASE WHEN expired.next = 'CANCELLED' THEN j.error_history ELSE
               (CASE WHEN jsonb_array_length(j.error_history) >= ${MAX_ERROR_HISTORY}::int THEN j.error_history - 0 ELSE j.error_history END)
               || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
                    'attempt', j.attempts, 'at', now(),
                    'message', 'Runner ' || coalesce(j.locked_by, '?') || ' stopped renewing its lease',
                    'retryAt', CASE WHEN expired.next = 'FAILED' THEN now() END))) END,
             locked_by = NULL, locked_until = NULL, updated_at = now()
        FROM expired
       WHERE j.id = expired.id
      RETURNING j.id, j.type, j.status::text AS status`,
  );
  for (const row of rows) {
    const counter = row.status === "DEAD" ? "dead" : row.status === "CANCELLED" ? "cancelled" : "failed";
    countJob(counter, row.type);
    logger.warn({ jobId: row.id, jobType: row.type, status: row.status }, "job lease expired: its runner stopped");
  }
  return rows;
}

interface Progress {
  percent?: number;
  stage?: string;
  dirty: boolean;
}

/** Extends the lease and writes progress; reports whether the claim still holds and whether a cancel arrived. */
async function heartbeat(job: ClaimedJob, workerId: string, leaseMs: number, progress: Progress) {
  const percent = progress.percent ?? null;
  const stage = progress.stage ?? null;
  const [row] = await withPrivilegedDb("job heartbeat", (db) =>
    db.$queryRaw<{ cancelRequested: boolean }[]>`
      UPDATE jobs
         SET locked_until = GREATEST(locked_until, now() + ${leaseMs}::int * interval '1 millisecond'),
             progress = COALESCE(${percent}::int, progress), stage = COALESCE(${stage}::text, stage), updated_at = now()
       WHERE id = ${job.id}::uuid AND locked_by = ${workerId} AND attempts = ${job.attempts}::int AND status = 'RUNNING'
      RETURNING cancel_requested_at IS NOT NULL AS "cancelRequested"`,
  );
  return row ? { owned: true, cancelRequested: row.cancelRequested } : { owned: false, cancelRequested: false };
}

type Finish =
  | { kind: "succeeded"; result: unknown }
  | { kind: "failed"; error: unknown; retryInMs: number; permanent: boolean; cancelled: boolean }
  | { kind: "released" };

/** Records the attempt's outcome if this runner still holds the job; returns the new status, or null when it did not. */
async function finish(job: ClaimedJob, workerId: string, outcome: Finish, progress: Progress): Promise<string | null> {
  const owner = (alias: string) =>
    `${alias}.id = $1::uuid AND ${alias}.locked_by = $2 AND ${alias}.attempts = $3::int AND ${alias}.status = 'RUNNING'`;
  const stage = progress.stage ?? null;
  return withPrivilegedDb("finish job", async (db) => {
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
    return rows[0]?.status ?? null;
  });
}

/** Calls the handler in the job's context: its tenant's transaction(s) for tenant jobs, the privileged path for system jobs. */
function invokeHandler(
  definition: AnyJobDefinition,
  job: ClaimedJob,
  base: { job: JobInfo; signal: AbortSignal; progress: (percent: number, stage?: string) => void; logger: typeof logger },
  timeoutMs: number,
): Promise<unknown> {
  const parsed = definition.payload.safeParse(job.payload);
  if (!parsed.success) throw new PermanentJobError(`Payload no longer valid for "${job.type}": ${parsed.error.message}`);
  const payload = parsed.data;
  const perCall = definition.transaction === "per-call";
  const reason = `job ${job.type}`;
  const held = <R>(fn: () => Promise<R>) => jobTransactionScope.run(true, fn);
  if (definition.scope === "tenant") {
    const tenantId = job.tenantId;
    if (!tenantId) throw new PermanentJobError(`"${job.type}" is a tenant job but has no tenant`);
    if (!job.tenantSlug) throw new PermanentJobError("The job's tenant no longer exists");
    if (perCall) {
      return definition.handler(payload, { ...base, withDb: (fn) => withTenantDb(tenantId, (db) => held(() => fn(db)), { timeoutMs }) });
    }
    return withTenantDb(tenantId, (db) => held(() => definition.handler(payload, { ...base, db })), { timeoutMs });
  }
  if (job.tenantId) throw new PermanentJobError(`"${job.type}" is a system job but names a tenant`);
  if (perCall) {
    return definition.handler(payload, { ...base, withDb: (fn) => withPrivilegedDb(reason, (db) => held(() => fn(db))) });
  }
  return withPrivilegedDb(reason, (db) => held(() => definition.handler(payload, { ...base, db })));
}

type Outcome = "succeeded" | "failed" | "dead" | "cancelled" | "released" | "leaseLost";

/** Runs one claimed job to its end and records the outcome. Never throws. */
async function runClaimedJob(job: ClaimedJob, workerId: string, timing: RunnerTiming, controller: AbortController): Promise<Outcome> {
  const started = performance.now();
  const definition = findJobDefinition(job.type);
  const jobLogger = logger.child({ jobId: job.id, jobType: job.type, attempt: job.attempts });
  const progress: Progress = { dirty: false };
  const untrack = trackLocalRun(job.id, controller);
  const timeoutMs = definition?.timeoutMs ?? timing.timeoutMs;
  const timeout = setTimeout(() => controller.abort(new JobAbortedError("timeout")), timeoutMs);
  timeout.unref?.();

  // Heartbeats run beside the handler, each in its own transaction. Created here, outside the
  // handler's context, so they never run inside its tenant scope.
  let lastBeat = Date.now();
  let beating: Promise<void> | undefined;
  const beat = async () => {
    const snapshot = { ...progress };
    progress.dirty = false;
    try {
      const state = await heartbeat(job, workerId, timing.leaseMs, snapshot);
      lastBeat = Date.now();
      if (!state.owned) controller.abort(new JobAbortedError("lease-lost"));
      else if (state.cancelRequested) controller.abort(new JobAbortedError("cancelled"));
    } catch (error) {
      progress.dirty ||= snapshot.dirty;
      jobLogger.warn({ err: error }, "job heartbeat failed");
    }
  };
  const tick = Math.min(timing.heartbeatMs, timing.progressFlushMs);
  const ticker = setInterval(() => {
    if (beating) return;
    if (!progress.dirty && Date.now() - lastBeat < timing.heartbeatMs) return;
    beating = beat().finally(() => {
      beating = undefined;
    });
  }, tick);
  ticker.unref?.();

  let result: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    if (!definition) throw new PermanentJobError(`Unknown job type "${job.type}"`);
    const info: JobInfo = {
      id: job.id,
      type: job.type,
      tenantId: job.tenantId,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      runAt: job.runAt,
      createdAt: job.createdAt,
    };
    const base = {
      job: info,
      signal: controller.signal,
      logger: jobLogger,
      progress(percent: number, stage?: string) {
        progress.percent = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
        if (stage !== undefined) progress.stage = stage.slice(0, 200);
        progress.dirty = true;
      },
    };
    const context = {
      requestId: `job-${job.id}`,
      actor: { type: "system", id: `job:${job.type}` } as const,
      tenant: job.tenantId && job.tenantSlug ? { id: job.tenantId, slug: job.tenantSlug } : undefined,
    };
    const value = await runWithContext(context, () => invokeHandler(definition, job, base, timeoutMs));
    result = { ok: true, value };
  } catch (error) {
    result = { ok: false, error };
  } finally {
    clearTimeout(timeout);
    clearInterval(ticker);
    await beating;
    untrack();
  }

  const ms = performance.now() - started;
  recordJobDuration(job.type, ms);
  const abortReason = controller.signal.aborted && controller.signal.reason instanceof JobAbortedError ? controller.signal.reason.reason : null;
  let outcome: Finish;
  if (result.ok) {
    outcome = { kind: "succeeded", result: result.value };
  } else if (abortReason === "shutdown") {
    outcome = { kind: "released" };
  } else {
    const permanent = result.error instanceof PermanentJobError;
    const backoff = { ...timing.backoff, ...definition?.backoff };
    outcome = {
      kind: "failed",
      error: result.error,
      permanent,
      cancelled: abortReason === "cancelled",
      retryInMs: retryDelayMs(job.attempts, backoff),
    };
  }

  let status: string | null;
  try {
    status = await finish(job, workerId, outcome, progress);
  } catch (error) {
    // The lease will expire and another runner will take the job over.
    jobLogger.error({ err: error }, "could not record the job's outcome");
    return "leaseLost";
  }
  const durationMs = Math.round(ms);
  if (status === null) {
    countJob("leaseLost", job.type);
    jobLogger.warn({ durationMs, ok: result.ok }, "job finished after losing its lease; outcome discarded");
    return "leaseLost";
  }
  const counted: Outcome =
    status === "SUCCEEDED" ? "succeeded" : status === "DEAD" ? "dead" : status === "CANCELLED" ? "cancelled" : status === "PENDING" ? "released" : "failed";
  countJob(counted, job.type);
  if (counted === "succeeded") jobLogger.info({ durationMs }, "job succeeded");
  else if (counted === "failed") jobLogger.warn({ durationMs, err: (result as { error: unknown }).error }, "job failed; will retry");
  else if (counted === "dead") jobLogger.error({ durationMs, err: (result as { error: unknown }).error }, "job dead: attempts exhausted or not retryable");
  else jobLogger.info({ durationMs, status }, `job ${counted}`);
  return counted;
}

/**
 * Claims and runs due jobs until the queue is empty or `budgetMs` has passed (jobs already
 * running are awaited), and reports what happened.
 */
export async function runDueJobs(options: RunOptions = {}): Promise<RunSummary> {
  const started = Date.now();
  const timing: RunnerTiming = { ...DEFAULT_TIMING, ...options.timing, backoff: { ...DEFAULT_TIMING.backoff, ...options.timing?.backoff } };
  const workerId = options.workerId ?? newWorkerId();
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const deadline = started + (options.budgetMs ?? 25_000);
  const types = (options.types ?? registeredJobTypes()).filter((t) => findJobDefinition(t));
  const signal = options.signal;
  const summary: RunSummary = {
    workerId,
    claimed: 0,
    succeeded: 0,
    failed: 0,
    dead: 0,
    cancelled: 0,
    released: 0,
    leaseLost: 0,
    reaped: 0,
    recurringEnqueued: 0,
    durationMs: 0,
    stoppedBy: "idle",
  };

  const recurring = options.recurring === undefined ? builtInRecurringTasks : options.recurring;
  if (recurring && recurring.length > 0) {
    try {
      summary.recurringEnqueued = await ensureRecurring(recurring);
    } catch (error) {
      logger.error({ err: error }, "could not enqueue recurring tasks");
    }
  }
  try {
    summary.reaped = (await reapExpiredLeases()).length;
  } catch (error) {
    logger.error({ err: error }, "could not reap expired job leases");
  }

  const running = new Map<Promise<void>, AbortController>();
  const onShutdown = () => {
    for (const controller of running.values()) controller.abort(new JobAbortedError("shutdown"));
  };
  signal?.addEventListener("abort", onShutdown, { once: true });
  try {
    for (;;) {
      if (signal?.aborted) {
        summary.stoppedBy = "signal";
        break;
      }
      if (Date.now() >= deadline) {
        summary.stoppedBy = "budget";
        break;
      }
      const free = concurrency - running.size;
      let claimed: ClaimedJob[] = [];
      if (free > 0) {
        try {
          claimed = await claimJobs(workerId, free, types, timing);
        } catch (error) {
          logger.error({ err: error }, "could not claim jobs");
        }
      }
      for (const job of claimed) {
        summary.claimed += 1;
        const controller = new AbortController();
        if (signal?.aborted) controller.abort(new JobAbortedError("shutdown"));
        const run: Promise<void> = runClaimedJob(job, workerId, timing, controller).then((outcome) => {
          summary[outcome] += 1;
          running.delete(run);
        });
        running.set(run, controller);
      }
      if (running.size === 0) {
        summary.stoppedBy = "idle";
        break;
      }
      // Wait for a slot to free up, the budget to run out, or a shutdown.
      let wake: () => void = () => {};
      const woken = new Promise<void>((resolve) => (wake = resolve));
      const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
      signal?.addEventListener("abort", wake, { once: true });
      await Promise.race([...running.keys(), woken]);
      clearTimeout(timer);
      signal?.removeEventListener("abort", wake);
    }
    await Promise.all(running.keys());
  } finally {
    signal?.removeEventListener("abort", onShutdown);
  }

  try {
    await refreshQueueDepth();
  } catch (error) {
    logger.warn({ err: error }, "could not measure the job queue");
  }
  summary.durationMs = Date.now() - started;
  if (summary.claimed > 0 || summary.reaped > 0 || summary.recurringEnqueued > 0) logger.info(summary, "job run finished");
  return summary;
}
