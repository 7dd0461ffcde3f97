// Putting jobs on the queue and taking them off: enqueue, cancel, retry.
//
// Inside a tenant transaction these must be given that transaction (`db`): the job then commits
// or rolls back with the work that asked for it, and no second transaction is needed (one would
// deadlock the embedded database). Elsewhere they open their own: a tenant job is written as its
// tenant (RLS applies), a system job through the privileged path.
import { z } from "zod";
import { JobStatus } from "@/server/db/generated/enums";
import { withPrivilegedDb, type PrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb, type TenantDb } from "@/server/db/tenant-db";
import { currentTenantId } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import { validationError } from "@/server/errors/to-app-error";
import { Prisma } from "@/server/db/generated/client";
import type { AnyJobDefinition, JobPayloadInput } from "./define";
import { abortLocalRun, jobTransactionScope } from "./local-runs";
import { emitEvents } from "@/server/realtime/emit";
import { countJob } from "./metrics";
import { getJobDefinition } from "./registry";

export const DEFAULT_MAX_ATTEMPTS = 5;
export const UNFINISHED_STATUSES = [JobStatus.PENDING, JobStatus.RUNNING, JobStatus.FAILED] as const;
export const RECURRING_KEY_PREFIX = "recurring:";
/** Payloads carry ids and options, not data: a file goes to storage and the job names it. */
const MAX_PAYLOAD_BYTES = 64 * 1024;

export type JobsDb = TenantDb | PrivilegedDb;

const enqueueOptionsSchema = z.object({
  runAt: z.date().optional(),
  /** Higher runs first among due jobs. */
  priority: z.number().int().min(-1000).max(1000).optional(),
  maxAttempts: z.number().int().min(1).max(100).optional(),
  /** While a job with this key is unfinished, enqueueing the key again returns that job's id. */
  dedupeKey: z
    .string()
    .min(1)
    .max(200)
    .refine((k) => !k.startsWith(RECURRING_KEY_PREFIX), { message: `"${RECURRING_KEY_PREFIX}" keys belong to recurring tasks` })
    .optional(),
  /** A tenant job enqueued outside a tenant transaction (scripts, a system task fanning out). */
  tenantId: z.uuid().optional(),
});

export type EnqueueOptions = z.input<typeof enqueueOptionsSchema> & {
  /** The transaction to enqueue in; required inside a tenant transaction. */
  db?: JobsDb;
};

/** The tenant client has the same delegates; its extension only adds the tenant to each query. */
const asJobsClient = (db: JobsDb) => db as unknown as PrivilegedDb;

function requireDbInsideTransaction(what: string, db: JobsDb | undefined): void {
  if ((currentTenantId() || jobTransactionScope.getStore()) && !db) {
    throw new Error(`${what} inside a transaction: pass its db so the change commits with the work`);
  }
}

/** In a transaction of our own: the tenant's for a tenant job, the privileged path for a system job. */
function inOwnTransaction<T>(tenantId: string | null, reason: string, fn: (db: JobsDb) => Promise<T>): Promise<T> {
  return tenantId ? withTenantDb(tenantId, fn) : withPrivilegedDb(reason, fn);
}

/** Enqueues a job and returns its id (an unfinished job's id when `dedupeKey` matches one). */
export async function enqueue<D extends AnyJobDefinition | string>(
  type: D,
  payload: D extends AnyJobDefinition ? JobPayloadInput<D> : unknown,
  options: EnqueueOptions = {},
): Promise<string> {
  const definition = getJobDefinition(typeof type === "string" ? type : type.type);
  const { db, ...rest } = options;
  const opts = enqueueOptionsSchema.parse(rest);
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) throw validationError(parsed.error);
  const json = JSON.stringify(parsed.data ?? {});
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Job payload over ${MAX_PAYLOAD_BYTES} bytes: store the data and pass a reference`);
  }

  requireDbInsideTransaction("enqueue", db);
  const scopeTenant = currentTenantId();
  let tenantId: string | null;
  if (definition.scope === "system") {
    if (opts.tenantId || scopeTenant) throw new Error(`"${definition.type}" is a system job: it belongs to no tenant`);
    tenantId = null;
  } else {
    if (scopeTenant && opts.tenantId && opts.tenantId !== scopeTenant) {
      throw new Error(`enqueue("${definition.type}") names another tenant than the current one`);
    }
    tenantId = scopeTenant ?? opts.tenantId ?? null;
    if (!tenantId) throw new Error(`"${definition.type}" is a tenant job: enqueue it in a tenant transaction or name tenantId`);
  }

  const data: Prisma.JobCreateManyInput = {
    tenantId,
    type: definition.type,
    payload: JSON.parse(json) as Prisma.InputJsonValue,
    priority: opts.priority ?? definition.priority ?? 0,
    runAt: opts.runAt ?? new Date(),
    maxAttempts: opts.maxAttempts ?? definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    dedupeKey: opts.dedupeKey ?? null,
  };
  const insert = async (tx: JobsDb) => {
    const jobs = asJobsClient(tx).job;
    // ON CONFLICT DO NOTHING against the unique index on unfinished (tenant, dedupe key).
    const [created] = await jobs.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
    if (created) {
      countJob("enqueued", definition.type);
      if (tenantId) jobChanged(created.id, definition.type, JobStatus.PENDING);
      return created.id;
    }
    const existing = await jobs.findFirst({
      where: { tenantId, dedupeKey: data.dedupeKey, status: { in: [...UNFINISHED_STATUSES] } },
      select: { id: true },
    });
    // Only if the holder of the key finished between the two statements.
    if (!existing) throw new AppError("CONFLICT", `A job with key "${data.dedupeKey}" changed state meanwhile; enqueue again`);
    return existing.id;
  };
  return db ? insert(db) : inOwnTransaction(tenantId, "enqueue system job", insert);
}

/**
 * Tells the tenant's open streams about a job that changed inside its tenant transaction. The
 * privileged path (scripts, the runner) appends its own events (src/server/realtime/job-events.ts).
 */
function jobChanged(id: string, type: string, status: JobStatus): void {
  if (!currentTenantId()) return;
  emitEvents({ kind: "job.updated", entityId: id, data: { type, status, progress: status === JobStatus.PENDING ? 0 : null } });
}

export interface JobMutationOptions {
  /** The transaction to work in; required inside a tenant transaction. Without it: the privileged path. */
  db?: JobsDb;
}

/**
 * Cancels a job. A waiting job is cancelled at once; a running one is asked to stop (its signal
 * aborts) and ends CANCELLED, unless it finishes first. A cancelled job never runs again.
 * Returns the status the job has now.
 */
export async function cancelJob(id: string, options: JobMutationOptions = {}): Promise<JobStatus> {
  requireDbInsideTransaction("cancelJob", options.db);
  // With a transaction of our own the cancel is certain to commit, so the handler may hear of it
  // now; on the embedded database the write below would otherwise wait for that very handler.
  if (!options.db) abortLocalRun(id, "cancelled");
  const run = async (tx: JobsDb): Promise<JobStatus> => {
    const jobs = asJobsClient(tx).job;
    // A runner may claim the job between our read and write: the status guard makes us look again.
    for (let i = 0; i < 5; i++) {
      const job = await jobs.findUnique({ where: { id }, select: { status: true, type: true } });
      if (!job) throw notFound("Job");
      const now = new Date();
      if (job.status === JobStatus.PENDING || job.status === JobStatus.FAILED) {
        const { count } = await jobs.updateMany({
          where: { id, status: job.status },
          data: { status: JobStatus.CANCELLED, cancelRequestedAt: now, finishedAt: now, lockedBy: null, lockedUntil: null },
        });
        if (count === 1) {
          countJob("cancelled", job.type);
          jobChanged(id, job.type, JobStatus.CANCELLED);
          return JobStatus.CANCELLED;
        }
      } else if (job.status === JobStatus.RUNNING) {
        const { count } = await jobs.updateMany({
          where: { id, status: JobStatus.RUNNING, cancelRequestedAt: null },
          data: { cancelRequestedAt: now },
        });
        if (count === 1 || (await jobs.count({ where: { id, status: JobStatus.RUNNING } })) === 1) return JobStatus.RUNNING;
      } else {
        return job.status;
      }
    }
    throw new AppError("CONFLICT", "The job kept changing state; try again");
  };
  return options.db ? run(options.db) : withPrivilegedDb("cancel job", run);
}

/** Runs a dead, failed or cancelled job again now, with a fresh set of attempts; its error history stays. */
export async function retryJob(id: string, options: JobMutationOptions = {}): Promise<JobStatus> {
  requireDbInsideTransaction("retryJob", options.db);
  const run = async (tx: JobsDb): Promise<JobStatus> => {
    const jobs = asJobsClient(tx).job;
    const retryable = [JobStatus.DEAD, JobStatus.FAILED, JobStatus.CANCELLED];
    const { count } = await jobs.updateMany({
      where: { id, status: { in: retryable } },
      data: {
        status: JobStatus.PENDING,
        attempts: 0,
        runAt: new Date(),
        cancelRequestedAt: null,
        finishedAt: null,
        progress: 0,
        stage: null,
        result: Prisma.DbNull,
      },
    });
    if (count === 1) {
      const retried = await jobs.findUnique({ where: { id }, select: { type: true } });
      if (retried) jobChanged(id, retried.type, JobStatus.PENDING);
      return JobStatus.PENDING;
    }
    const job = await jobs.findUnique({ where: { id }, select: { status: true } });
    if (!job) throw notFound("Job");
    throw new AppError("CONFLICT", `Only dead, failed or cancelled jobs can be retried; this one is ${job.status.toLowerCase()}`);
  };
  return options.db ? run(options.db) : withPrivilegedDb("retry job", run);
}
