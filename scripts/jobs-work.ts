// `npm run jobs:work` runs a long-lived worker: it claims and runs due jobs, sleeps briefly when
// the queue is empty, and on SIGINT/SIGTERM stops claiming, asks running jobs to stop (those that
// do go back to the queue without using an attempt), waits for them and closes the database.
// A second signal exits at once; the jobs' leases then expire and another runner takes them over.
//   npm run jobs:work -- --concurrency 8 --types imports.cases,exports.cases --poll-ms 1000
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { getDatabase } from "@/server/db/database";
import { registeredJobTypes, runDueJobs } from "@/server/jobs";
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
    },
  });
  const concurrency = Number(values.concurrency);
  const pollMs = Number(values["poll-ms"]);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError("--concurrency must be a positive integer");
  if (!Number.isInteger(pollMs) || pollMs < 10) throw new UsageError("--poll-ms must be an integer of at least 10");
  const types = values.types?.split(",").map((t) => t.trim()).filter(Boolean);
  const unknown = types?.filter((t) => !registeredJobTypes().includes(t)) ?? [];
  if (unknown.length) throw new UsageError(`unknown job types: ${unknown.join(", ")}; known: ${registeredJobTypes().join(", ")}`);

  const shutdown = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (shutdown.signal.aborted) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(130);
    }
    logger.info({ signal }, "stopping: running jobs are asked to stop");
    shutdown.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const db = await getDatabase();
  logger.info({ target: describeTarget(), concurrency, types: types ?? "all", pollMs }, "job worker started");
  try {
    while (!shutdown.signal.aborted) {
      const summary = await runDueJobs({ budgetMs: 60_000, concurrency, types, signal: shutdown.signal });
      if (summary.stoppedBy === "idle") await sleep(pollMs, undefined, { signal: shutdown.signal }).catch(() => {});
    }
  } finally {
    await db.close();
    logger.info("job worker stopped");
  }
  return 0;
});
