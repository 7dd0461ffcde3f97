// Jobs this process is running right now, so that cancel() called here reaches the handler at
// once instead of at the next heartbeat. On the embedded database this is the only way a
// handler holding its transaction can hear of a cancel: the cancel's own write waits for it.
// On globalThis: the runner and the caller of cancel() may live in different module graphs.
import { AsyncLocalStorage } from "node:async_hooks";
import { JobAbortedError, type JobAbortReason } from "./define";

const globalForRuns = globalThis as unknown as { caseboardLocalJobRuns?: Map<string, AbortController> };
const runs = (globalForRuns.caseboardLocalJobRuns ??= new Map());

export function trackLocalRun(jobId: string, controller: AbortController): () => void {
  runs.set(jobId, controller);
  return () => {
    if (runs.get(jobId) === controller) runs.delete(jobId);
  };
}

export function abortLocalRun(jobId: string, reason: JobAbortReason): boolean {
  const controller = runs.get(jobId);
  if (!controller || controller.signal.aborted) return false;
  controller.abort(new JobAbortedError(reason));
  return true;
}

/**
 * Set while a job handler runs inside a transaction the runner opened for it (its `db`, or a
 * `withDb` call). enqueue/cancel/retry then insist on being given that transaction: opening a
 * second one from inside the first would deadlock the embedded database.
 */
export const jobTransactionScope = new AsyncLocalStorage<true>();
