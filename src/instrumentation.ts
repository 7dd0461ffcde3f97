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
  const { startApp } = await import("@/server/startup/start-app");
  const started = startApp({ jobsInProcess: env.JOBS_IN_PROCESS });
  if (env.APP_ENV === "development") {
    // The development server serves at once and compiles the first page while the embedded
    // database opens, instead of one after the other; requests wait for the database (startApp).
    // A failed start is logged where it failed, and requests then open the database themselves.
    started.catch(() => {});
    return;
  }
  // Elsewhere the server takes requests only once the database is up.
  await started;
}
