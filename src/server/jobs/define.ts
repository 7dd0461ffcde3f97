// What a job type is: a name, a zod schema for its payload, where it runs (one tenant, or the
// platform through the privileged path) and a handler. Each type is defined once with defineJob
// and registered in registry.ts.
import type { z } from "zod";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import type { TenantDb } from "@/server/db/tenant-db";
import type { Logger } from "@/server/logger";
import { parseCron, type CronSchedule } from "./cron-expression";

/** The claim priority of counting that nobody waits on (the per-minute report rollups). */
export const BACKGROUND_PRIORITY = -10;

/** "tenant": the job belongs to one tenant and runs as it (RLS). "system": a platform task. */
export type JobScope = "tenant" | "system";

/**
 * "attempt": the handler runs inside one transaction, so an attempt commits all or nothing.
 * "per-call": the handler opens short transactions itself with `withDb`. Long jobs (imports) need
 * this: one transaction held for minutes blocks vacuum on PostgreSQL and, on the embedded
 * database, every other request.
 */
export type JobTransaction = "attempt" | "per-call";

export interface JobInfo {
  readonly id: string;
  readonly type: string;
  readonly tenantId: string | null;
  /** 1 for the first run. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly runAt: Date;
  readonly createdAt: Date;
}

export type ScopeDb<S extends JobScope> = S extends "tenant" ? TenantDb : PrivilegedDb;

interface BaseJobContext {
  readonly job: JobInfo;
  /** Aborted when the job is cancelled, times out, loses its lease or the worker shuts down. */
  readonly signal: AbortSignal;
  /** Records progress (0–100) and a stage label; written to the job row within about a second. */
  progress(percent: number, stage?: string): void;
  readonly logger: Logger;
}

export type JobContext<S extends JobScope, T extends JobTransaction> = BaseJobContext &
  (T extends "per-call"
    ? { withDb<R>(fn: (db: ScopeDb<S>) => Promise<R>): Promise<R> }
    : { readonly db: ScopeDb<S> });

export interface BackoffOptions {
  /** Delay before the second attempt; doubles for each further one. */
  baseMs: number;
  maxMs: number;
}

export interface JobDefinition<Schema extends z.ZodType, S extends JobScope, T extends JobTransaction> {
  readonly type: string;
  readonly scope: S;
  readonly payload: Schema;
  /** Defaults to "attempt". */
  readonly transaction?: T;
  /** Defaults to 5. */
  readonly maxAttempts?: number;
  /** One attempt's limit; the signal aborts then. Defaults to 5 minutes. */
  readonly timeoutMs?: number;
  readonly backoff?: Partial<BackoffOptions>;
  /**
   * Claim order when several jobs are due, higher first; an enqueue may override it. Defaults to 0.
   * Background counting nobody is waiting on goes below 0, so a member's triage or export is not
   * queued behind it.
   */
  readonly priority?: number;
  handler(payload: z.output<Schema>, ctx: JobContext<S, T>): Promise<unknown>;
}

/** Any definition (the handler is a method, so its parameters are checked bivariantly). */
export type AnyJobDefinition = JobDefinition<z.ZodType, JobScope, JobTransaction>;

/** A payload type of a definition, as callers pass it to enqueue(). */
export type JobPayloadInput<D> = D extends JobDefinition<infer Schema, JobScope, JobTransaction> ? z.input<Schema> : never;

const TYPE_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;

export function defineJob<Schema extends z.ZodType, S extends JobScope, T extends JobTransaction = "attempt">(
  definition: JobDefinition<Schema, S, T>,
): JobDefinition<Schema, S, T> {
  if (!TYPE_PATTERN.test(definition.type)) {
    throw new Error(`Job type "${definition.type}": use lower-case words separated by "-" or "."`);
  }
  if (definition.maxAttempts !== undefined && (!Number.isInteger(definition.maxAttempts) || definition.maxAttempts < 1)) {
    throw new Error(`Job type "${definition.type}": maxAttempts must be a positive integer`);
  }
  return definition;
}

export type JobAbortReason = "cancelled" | "timeout" | "lease-lost" | "shutdown";

/** The reason a job's signal carries; `signal.throwIfAborted()` throws it. */
export class JobAbortedError extends Error {
  override readonly name = "JobAbortedError";
  constructor(readonly reason: JobAbortReason) {
    super(
      {
        cancelled: "Job cancelled",
        timeout: "Job attempt timed out",
        "lease-lost": "Job lease lost: another runner took the job over",
        shutdown: "Worker shutting down",
      }[reason],
    );
  }
}

export interface RecurringTask {
  /** Part of each slot's dedupe key: renaming a task re-runs its current slot once. */
  readonly name: string;
  readonly cron: string;
  readonly schedule: CronSchedule;
  /** A system job type. */
  readonly type: string;
  readonly payload: unknown;
  readonly priority?: number;
  readonly maxAttempts?: number;
}

/** A platform task run on a cron schedule (UTC). The expression is parsed now, so a bad one fails at startup. */
export function defineRecurring(task: Omit<RecurringTask, "schedule" | "payload"> & { payload?: unknown }): RecurringTask {
  if (!TYPE_PATTERN.test(task.name)) throw new Error(`Recurring task "${task.name}": use lower-case words separated by "-" or "."`);
  return { ...task, payload: task.payload ?? {}, schedule: parseCron(task.cron) };
}

/** Thrown by a handler (or the runner) when another attempt cannot help: the job goes DEAD at once. */
export class PermanentJobError extends Error {
  override readonly name = "PermanentJobError";
}
