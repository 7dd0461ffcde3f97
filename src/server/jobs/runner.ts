// Runs due jobs. Safe to call from many processes at once: a job is claimed with
// FOR UPDATE SKIP LOCKED and leased to one runner; the lease is extended while the handler works
// and, if the runner dies, expires so another runner takes the job over.
//
// Every step is its own short transaction: claim, heartbeats, finish. No transaction is held
// around a handler, which opens its own (the embedded database serialises transactions: holding
// one while the handler waits for another would deadlock).
import { runWithContext } from "@/server/context/request-context";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { logger } from "@/server/logger";
import { JobAbortedError, PermanentJobError, type AnyJobDefinition, type JobInfo, type RecurringTask } from "./define";
import { jobTransactionScope, trackLocalRun } from "./local-runs";
import { countJob, recordJobDuration, refreshQueueDepth } from "./metrics";
import { ensureRecurring } from "./recurring";
import { findJobDefinition, registeredJobTypes } from "./registry";
import { recordRunnerHeartbeat, RUNNER_BEAT_EVERY_MS } from "./runner-heartbeat";
import { recurringTasks as builtInRecurringTasks } from "./tasks";
import { claimJobs, DEFAULT_TIMING, finish, heartbeat, newWorkerId, reapExpiredLeases, retryDelayMs, type ClaimedJob, type Finish, type Progress, type RunnerTiming } from "./lease";

export { claimJobs, DEFAULT_TIMING, newWorkerId, reapExpiredLeases, retryDelayMs, type ClaimedJob, type RunnerTiming } from "./lease";

/** How often a long run (keepClaiming) enqueues its recurring tasks again; their schedules are minutes apart. */
const RECURRING_EVERY_MS = 60_000;

export interface RunOptions {
  /** Stop claiming after this long (running jobs are awaited). Default 25 s. */
  budgetMs?: number;
  /**
   * Past the budget, keep filling free slots while jobs still run, and end when none does:
   * long-lived runners (the in-process ticker, `jobs:work`) pass it. Without it a run past its
   * budget only waits for its jobs, so one long job (a large import) left the other slots idle
   * and a new export waited behind it for as long as the import ran.
   */
  keepClaiming?: boolean;
  /** Written to locked_by; defaults to host:pid:random. */
  workerId?: string;
  /** Jobs run at once by this call. Default 4. */
  concurrency?: number;
  /** Claim only these types (a dedicated worker); default: every registered type. */
  types?: readonly string[];
  /** Shutdown: stop claiming, ask running jobs to stop; those that do go back to the queue. */
  signal?: AbortSignal;
  /** While jobs run and slots are free, look for new due jobs (and expired leases) this often. Default 1 s. */
  pollMs?: number;
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
  /** The first error claiming jobs (the queue could not be read, e.g. the database is down); absent when claims worked. */
  claimError?: unknown;
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
  // Both timers are referenced on purpose: while a job runs, they keep the process alive until
  // the job's outcome is recorded and its lease released (a handler waiting on I/O alone would
  // otherwise let a worker exit silently and leave the job RUNNING until its lease expired).
  const timeout = setTimeout(() => controller.abort(new JobAbortedError("timeout")), timeoutMs);

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
  } else if (abortReason === "shutdown" || (result.error instanceof JobAbortedError && result.error.reason === "lease-lost")) {
    // A handler may find out first that another run took its work over (a checkpoint that moved):
    // handed back without using an attempt; if this runner no longer holds the job, discarded.
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

  // Seen at the start of every call and every few seconds while jobs run, so the jobs page can
  // tell a quiet queue from one nobody is running.
  const beat = () => recordRunnerHeartbeat().catch((error: unknown) => logger.warn({ err: error }, "could not record the runner heartbeat"));
  await beat();
  const beating = setInterval(() => void beat(), RUNNER_BEAT_EVERY_MS);
  beating.unref?.();

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

  const pollMs = Math.max(10, options.pollMs ?? 1_000);
  // Jobs of runners that died are taken back while this call runs too, not only at its start: a
  // long-lived worker busy with one long job must still resume another runner's job promptly.
  const reapEveryMs = Math.max(pollMs, Math.min(5_000, timing.leaseMs / 2));
  let lastReap = Date.now();
  // A run that keeps claiming may last long: its recurring tasks are enqueued again as they fall due.
  let lastRecurring = Date.now();
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
      const pastBudget = Date.now() >= deadline;
      if (pastBudget && !(options.keepClaiming && running.size > 0)) {
        summary.stoppedBy = "budget";
        break;
      }
      if (recurring && recurring.length > 0 && Date.now() - lastRecurring >= RECURRING_EVERY_MS) {
        lastRecurring = Date.now();
        try {
          summary.recurringEnqueued += await ensureRecurring(recurring);
        } catch (error) {
          logger.error({ err: error }, "could not enqueue recurring tasks");
        }
      }
      const free = concurrency - running.size;
      let claimed: ClaimedJob[] = [];
      if (free > 0 && Date.now() - lastReap >= reapEveryMs) {
        lastReap = Date.now();
        try {
          summary.reaped += (await reapExpiredLeases()).length;
        } catch (error) {
          logger.error({ err: error }, "could not reap expired job leases");
        }
      }
      if (free > 0) {
        try {
          claimed = await claimJobs(workerId, free, types, timing);
        } catch (error) {
          logger.error({ err: error }, "could not claim jobs");
          summary.claimError ??= error;
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
      // Wait for a slot to free up, the budget to run out, a shutdown, or (with a slot free) the
      // next look for due jobs.
      let wake: () => void = () => {};
      const woken = new Promise<void>((resolve) => (wake = resolve));
      // Past the budget (keepClaiming), a free slot looks again every pollMs and a full house
      // waits for a job to end.
      const untilDeadline = Math.max(0, deadline - Date.now());
      const slotFree = running.size < concurrency;
      const waitMs = pastBudget ? (slotFree ? pollMs : null) : slotFree ? Math.min(pollMs, untilDeadline) : untilDeadline;
      const timer = waitMs === null ? undefined : setTimeout(wake, waitMs);
      signal?.addEventListener("abort", wake, { once: true });
      await Promise.race([...running.keys(), woken]);
      clearTimeout(timer);
      signal?.removeEventListener("abort", wake);
    }
    await Promise.all(running.keys());
  } finally {
    signal?.removeEventListener("abort", onShutdown);
    clearInterval(beating);
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
