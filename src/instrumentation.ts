// Runs once when the server starts: opens (and on the embedded database, migrates and seeds) the
// database before the first request, so the first page does not pay for it (in development a
// fresh data directory is copied from the demo template: src/server/startup/); and runs background
// jobs in-process (JOBS_IN_PROCESS, default on, whatever the database), so exports and imports
// move without a separate worker. Deployments with dedicated workers set JOBS_IN_PROCESS=false.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, before anything awaits: from here on every request's client IP and forwarded headers
  // are decided from its socket (src/server/security/client-ip-hook.ts).
  const { installClientIpHook } = await import("@/server/security/client-ip-hook");
  installClientIpHook();
  const { env } = await import("@/env");
  const { startAppDatabase } = await import("@/server/startup/app-database");
  await startAppDatabase();
  // Hears which members are online on other instances from the start (round-robin assignment).
  const { startOnlineTracking } = await import("@/server/realtime/online");
  startOnlineTracking();
  if (env.JOBS_IN_PROCESS) {
    // Job types of features register themselves when imported.
    await import("@/server/services/feature-jobs");
    const { startInProcessTicker } = await import("@/server/jobs");
    startInProcessTicker();
  }
}
