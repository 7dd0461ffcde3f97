// What a server start runs (instrumentation.ts): the database as the app opens it, then the
// online tracking and, where jobs run in-process, the job ticker. Imported only on the Node.js
// runtime, so none of it is compiled for the Edge one.
import { holdDatabase } from "@/server/db/database";

/**
 * Starts the app's services. Requests that reach getDatabase() before the database is installed
 * wait for this start (holdDatabase) instead of opening it without the start's hooks.
 */
export function startApp(options: { jobsInProcess: boolean }): Promise<void> {
  const release = holdDatabase();
  return start(options.jobsInProcess, release).finally(release);
}

async function start(jobsInProcess: boolean, databaseInstalled: () => void): Promise<void> {
  const { startAppDatabase } = await import("./app-database");
  const database = startAppDatabase();
  databaseInstalled();
  // Job types of features register themselves when imported: loaded while the database opens.
  const jobs = jobsInProcess ? Promise.all([import("@/server/services/feature-jobs"), import("@/server/jobs")]) : null;
  await database;
  // Hears which members are online on other instances from the start (round-robin assignment).
  const { startOnlineTracking } = await import("@/server/realtime/online");
  startOnlineTracking();
  if (jobs) (await jobs)[1].startInProcessTicker();
}
