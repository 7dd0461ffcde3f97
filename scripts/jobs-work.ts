// `npm run jobs:work` runs a long-lived worker: it claims and runs due jobs, sleeps briefly when
// the queue is empty, and on SIGINT/SIGTERM stops claiming, asks running jobs to stop at their
// next checkpoint (those that do go back to the queue at once, without using an attempt), waits
// for them up to --grace-ms, closes the database and exits 0. A second signal, or jobs still
// running when the grace period ends, exit at once with 1; those jobs' leases then expire and
// another runner resumes them (a lost lease uses up no attempt either).
// An unhandled rejection or exception is a bug: it is logged and the worker exits with 1.
//   npm run jobs:work -- --concurrency 8 --types imports.run,exports.cases --poll-ms 1000 --grace-ms 20000
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { getDatabase } from "@/server/db/database";
import { registeredJobTypes, runDueJobs, type RunnerTiming } from "@/server/jobs";
import { logger } from "@/server/logger";
// Registers the features' job types, so this worker claims them too.
import "@/server/services/feature-jobs";
import { describeTarget, runScript, UsageError } from "./lib/cli";

runScript(async () => {
  const { values } = parseArgs({
    options: {
      concurrency: { type: "string", default: "4" },
      types: { type: "string" },
      "poll-ms": { type: "string", default: "1000" },
      "grace-ms": { type: "string", default: "20000" },
      // Shorter leases resume a dead runner's jobs sooner, at the cost of more heartbeats.
      "lease-ms": { type: "string" },
      "heartbeat-ms": { type: "string" },
    },
  });
  const concurrency = Number(values.concurrency);
  const pollMs = Number(values["poll-ms"]);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError("--concurrency must be a positive integer");
  if (!Number.isInteger(pollMs) || pollMs < 10) throw new UsageError("--poll-ms must be an integer of at least 10");
  const graceMs = Number(values["grace-ms"]);
  if (!Number.isInteger(graceMs) || graceMs < 0) throw new UsageError("--grace-ms must be a non-negative integer");
  const timing: Partial<RunnerTiming> = {};
  for (const [flag, key] of [["lease-ms", "leaseMs"], ["heartbeat-ms", "heartbeatMs"]] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const ms = Number(raw);
    if (!Number.isInteger(ms) || ms < 100) throw new UsageError(`--${flag} must be an integer of at least 100`);
    timing[key] = ms;
  }
  if (timing.leaseMs !== undefined && timing.heartbeatMs === undefined) timing.heartbeatMs = Math.max(100, Math.floor(timing.leaseMs / 3));
  const types = values.types?.split(",").map((t) => t.trim()).filter(Boolean);
  const unknown = types?.filter((t) => !registeredJobTypes().includes(t)) ?? [];
  if (unknown.length) throw new UsageError(`unknown job types: ${unknown.join(", ")}; known: ${registeredJobTypes().join(", ")}`);

  const fatal = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error }, `${kind}: the worker stops; its jobs' leases expire and another runner resumes them`);
    process.exit(1);
  };
  process.on("unhandledRejection", fatal("unhandled rejection"));
  process.on("uncaughtException", fatal("uncaught exception"));

  const shutdown = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (shutdown.signal.aborted) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(130);
    }
    logger.info({ signal, graceMs }, "stopping: running jobs are asked to stop at their next checkpoint");
    shutdown.abort();
    // Unreferenced: when the jobs are released in time, nothing is left to wait for.
    setTimeout(() => {
      logger.error({ graceMs }, "jobs still running after the grace period: exiting; their leases will expire");
      process.exit(1);
    }, graceMs).unref();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const db = await getDatabase();
  logger.info({ target: describeTarget(), concurrency, types: types ?? "all", pollMs }, "job worker started");
  try {
    while (!shutdown.signal.aborted) {
      const summary = await runDueJobs({ budgetMs: 60_000, keepClaiming: true, concurrency, types, signal: shutdown.signal, pollMs, timing });
      if (summary.stoppedBy === "idle") await sleep(pollMs, undefined, { signal: shutdown.signal }).catch(() => {});
    }
  } finally {
    await db.close();
    logger.info("job worker stopped");
  }
  return 0;
});
