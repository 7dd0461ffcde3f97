// Runs once when the server starts: opens (and on the embedded database, migrates and seeds) the
// database before the first request, so the first page does not pay for it; and where no external
// scheduler calls /api/cron/jobs (the embedded default), runs background jobs in-process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, isEmbeddedDatabase } = await import("@/env");
  const { getDatabase } = await import("@/server/db/database");
  await getDatabase();
  if (env.JOBS_IN_PROCESS ?? isEmbeddedDatabase()) {
    // Job types of features register themselves when imported.
    await import("@/server/services/feature-jobs");
    const { startInProcessTicker } = await import("@/server/jobs");
    startInProcessTicker();
  }
}
