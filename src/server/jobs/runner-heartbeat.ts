// Job runners' heartbeats: every runner call (in-process ticker, cron route, `npm run jobs:work`)
// marks its process as seen, so the jobs page can warn when nothing is running jobs and waiting
// exports would wait forever. One row per process; a write at most every few seconds.
import { hostname } from "node:os";
import type { PrismaClient } from "@/server/db/generated/client";
import { withPrivilegedDb } from "@/server/db/privileged-db";

/** No heartbeat for this long: the jobs page says no runner is running jobs. */
export const RUNNER_STALE_AFTER_MS = 60_000;
/** While a long job runs, the runner beats this often (well under RUNNER_STALE_AFTER_MS). */
export const RUNNER_BEAT_EVERY_MS = 15_000;
/** A row is not rewritten while younger than this: the ticker calls every 5 s, a worker every second. */
const MIN_WRITE_INTERVAL_MS = 10_000;
/** Processes not seen for a day (restarted, scaled down) are forgotten. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

const processRunnerId = `${hostname()}:${process.pid}`;

export async function recordRunnerHeartbeat(now = new Date()): Promise<void> {
  await withPrivilegedDb("job runner heartbeat", async (db) => {
    const written = await db.$executeRaw`
      INSERT INTO job_runners (id, last_seen_at) VALUES (${processRunnerId}, ${now})
      ON CONFLICT (id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
       WHERE job_runners.last_seen_at < ${new Date(now.getTime() - MIN_WRITE_INTERVAL_MS)}`;
    if (written > 0) await db.jobRunner.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } } });
  });
}

export interface RunnerStatus {
  /** The newest heartbeat of any runner; null when none was ever seen. */
  lastSeenAt: Date | null;
  /** True when no runner has been seen for RUNNER_STALE_AFTER_MS: waiting jobs will not start. */
  stale: boolean;
}

/** Readable from a tenant transaction: the app role may read when runners were seen, nothing else. */
export async function runnerStatus(db: Pick<PrismaClient, "$queryRaw">, now = new Date()): Promise<RunnerStatus> {
  const [row] = await db.$queryRaw<{ last: Date | null }[]>`SELECT max(last_seen_at) AS last FROM job_runners`;
  const lastSeenAt = row?.last ? new Date(row.last) : null;
  return { lastSeenAt, stale: !lastSeenAt || now.getTime() - lastSeenAt.getTime() > RUNNER_STALE_AFTER_MS };
}
