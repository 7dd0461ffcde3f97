// Runs the job runner every few seconds inside the app process, so jobs run with no separate
// worker on any database (JOBS_IN_PROCESS, default on). Idempotent: a second start returns the
// running ticker (kept on globalThis, which hot reloads and Next's separate module graphs
// share). Deployments with dedicated workers (`npm run jobs:work`) turn it off; running it beside
// a cron calling /api/cron/jobs is harmless (runners never run a job twice).
import { logger } from "@/server/logger";
import { newWorkerId, runDueJobs, type RunOptions } from "./runner";

export interface TickerOptions {
  /** Pause between two runs. Default 5 s. */
  intervalMs?: number;
  /** Budget of each run. Default 20 s. */
  budgetMs?: number;
  concurrency?: number;
  timing?: RunOptions["timing"];
}

export interface JobTicker {
  /** Stops ticking; running jobs are asked to stop and go back to the queue. */
  stop(): Promise<void>;
}

const globalForTicker = globalThis as unknown as { caseboardJobTicker?: JobTicker };

export function startInProcessTicker(options: TickerOptions = {}): JobTicker {
  if (globalForTicker.caseboardJobTicker) return globalForTicker.caseboardJobTicker;
  const intervalMs = options.intervalMs ?? 5_000;
  const shutdown = new AbortController();
  const workerId = newWorkerId("ticker");
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | undefined;

  const tick = () => {
    timer = undefined;
    current = runDueJobs({
      workerId,
      budgetMs: options.budgetMs ?? 20_000,
      // A long job must not hold up the others: free slots keep claiming past the budget.
      keepClaiming: true,
      concurrency: options.concurrency,
      timing: options.timing,
      signal: shutdown.signal,
    })
      .catch((error: unknown) => logger.error({ err: error }, "in-process job run failed"))
      .finally(() => {
        current = undefined;
        if (!shutdown.signal.aborted) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    // Never the reason a process stays alive.
    timer.unref();
  };

  const ticker: JobTicker = {
    async stop() {
      shutdown.abort();
      if (timer) clearTimeout(timer);
      await current;
      if (globalForTicker.caseboardJobTicker === ticker) globalForTicker.caseboardJobTicker = undefined;
    },
  };
  globalForTicker.caseboardJobTicker = ticker;
  logger.info({ workerId, intervalMs }, "in-process job ticker started");
  schedule();
  return ticker;
}
