// Background jobs: a Postgres-backed queue with leases, retries, cancellation, recurring tasks
// and metrics. Define a type with defineJob, register it with registerJob, enqueue it; runners
// (the cron route, the in-process ticker, `npm run jobs:work`) do the rest.
import "server-only";

export {
  BACKGROUND_PRIORITY,
  defineJob,
  defineRecurring,
  JobAbortedError,
  PermanentJobError,
  type JobContext,
  type JobDefinition,
  type JobInfo,
  type JobScope,
  type JobTransaction,
  type RecurringTask,
} from "./define";
export { registerJob, registeredJobTypes } from "./registry";
export { enqueuePerTenant } from "./per-tenant";
export { enqueue, cancelJob, retryJob, type EnqueueOptions, type JobMutationOptions } from "./queue";
export { runDueJobs, DEFAULT_TIMING, type RunOptions, type RunSummary, type RunnerTiming } from "./runner";
export { ensureRecurring, recurringSlotKey } from "./recurring";
export { startInProcessTicker, type JobTicker, type TickerOptions } from "./ticker";
export { runnerStatus, recordRunnerHeartbeat, RUNNER_STALE_AFTER_MS, type RunnerStatus } from "./runner-heartbeat";
export { runCronJobs, isCronAuthorized, CRON_DEFAULT_BUDGET_MS, CRON_MAX_BUDGET_MS } from "./cron";
export { snapshot as jobMetricsSnapshot, refreshQueueDepth, type JobMetricsSnapshot } from "./metrics";
export { recurringTasks, purgeApiKeysJob, purgeFinishedJobsJob, auditCheckpointJob } from "./tasks";
