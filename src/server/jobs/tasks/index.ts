// The platform's own job types and recurring schedules. Feature job types (imports, exports)
// live with their features and are registered by them.
import { defineRecurring } from "../define";
import { purgeApiKeysJob } from "./purge-api-keys";
import { purgeFinishedJobsJob } from "./purge-finished-jobs";

export { purgeApiKeysJob, purgeFinishedJobsJob };

export const builtInJobs = [purgeApiKeysJob, purgeFinishedJobsJob] as const;

/** Minutes are off the hour so many deployments do not all purge at once. */
export const recurringTasks = [
  defineRecurring({ name: "purge-api-keys", cron: "17 3 * * *", type: purgeApiKeysJob.type }),
  defineRecurring({ name: "purge-finished-jobs", cron: "47 3 * * *", type: purgeFinishedJobsJob.type }),
] as const;
