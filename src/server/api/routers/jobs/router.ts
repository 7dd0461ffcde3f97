import { createTRPCRouter } from "@/server/api/trpc";
import { cancelJob } from "./cancel-job";
import { getJob } from "./get-job";
import { getRunnerStatus } from "./get-runner-status";
import { listJobs } from "./list-jobs";
import { retryJob } from "./retry-job";

export const jobsRouter = createTRPCRouter({
  list: listJobs,
  get: getJob,
  cancel: cancelJob,
  retry: retryJob,
  runnerStatus: getRunnerStatus,
});
