// The platform's own job types and recurring schedules. Feature job types (imports, exports)
// live with their features and are registered by them.
import { defineRecurring } from "../define";
import { auditCheckpointJob } from "./audit-checkpoint";
import { purgeApiKeysJob } from "./purge-api-keys";
import { purgeFinishedJobsJob } from "./purge-finished-jobs";
import { purgeDeletedTenantsJob } from "./purge-deleted-tenants";
import { purgeExpiredFilesJob } from "./purge-expired-files";
import { purgeExpiredFeedItemsJob } from "./purge-expired-feed-items";
import { purgeSearchEventsJob } from "./purge-search-events";
import { purgeAgentRunsJob } from "./purge-agent-runs";
import { pruneRealtimeEventsJob } from "./prune-realtime-events";
import { wakeSnoozedCasesForTenantJob, wakeSnoozedCasesJob } from "./wake-snoozed-cases";
import { escalateByRulesForTenantJob, escalateByRulesJob } from "./escalate-by-rules";
import { evaluateAlertRulesForTenantJob, evaluateAlertRulesJob } from "./evaluate-alert-rules";
import { computeTrendingForTenantJob, computeTrendingJob } from "./compute-trending";
import { countRollupsForTenantJob, countRollupsJob } from "./count-report-rollups";

export { purgeApiKeysJob, purgeFinishedJobsJob, purgeDeletedTenantsJob, purgeExpiredFilesJob, purgeExpiredFeedItemsJob, purgeSearchEventsJob, purgeAgentRunsJob, auditCheckpointJob, pruneRealtimeEventsJob };

export const builtInJobs = [purgeApiKeysJob, purgeFinishedJobsJob, purgeDeletedTenantsJob, purgeExpiredFilesJob, wakeSnoozedCasesJob, wakeSnoozedCasesForTenantJob, escalateByRulesJob, escalateByRulesForTenantJob, evaluateAlertRulesJob, evaluateAlertRulesForTenantJob, auditCheckpointJob, pruneRealtimeEventsJob, purgeExpiredFeedItemsJob, purgeSearchEventsJob, purgeAgentRunsJob, computeTrendingJob, computeTrendingForTenantJob, countRollupsJob, countRollupsForTenantJob] as const;

/** Minutes are off the hour so many deployments do not all purge at once. */
export const recurringTasks = [
  defineRecurring({ name: "purge-api-keys", cron: "17 3 * * *", type: purgeApiKeysJob.type }),
  defineRecurring({ name: "purge-finished-jobs", cron: "47 3 * * *", type: purgeFinishedJobsJob.type }),
  defineRecurring({ name: "purge-expired-files", cron: "37 4 * * *", type: purgeExpiredFilesJob.type }),
  // Hourly: a tenant goes soon after its grace period ends, not up to a day later.
  defineRecurring({ name: "purge-deleted-tenants", cron: "23 * * * *", type: purgeDeletedTenantsJob.type }),
  // Every five minutes: a snooze ends within five minutes of its time, and the slot rows this
  // leaves in the jobs table (kept 400 days to dedupe slots) stay around 105k a year.
  defineRecurring({ name: "wake-snoozed-cases", cron: "*/5 * * * *", type: wakeSnoozedCasesJob.type }),
  // Every two minutes: a rule fires within two minutes of its time (rules wait 1 minute to a
  // week), for about 263k slot rows a year.
  defineRecurring({ name: "escalate-by-rules", cron: "*/2 * * * *", type: escalateByRulesJob.type }),
  // Every minute: a rule fires within a minute of its condition, for about 526k slot rows a year
  // (a system job finds the tenants with enabled rules; each tenant's evaluation is a job of its own).
  defineRecurring({ name: "evaluate-alert-rules", cron: "* * * * *", type: evaluateAlertRulesJob.type }),
  // Hourly: removing the newest audit events goes unnoticed for at most an hour's events.
  defineRecurring({ name: "audit-checkpoint", cron: "11 * * * *", type: auditCheckpointJob.type }),
  // Hourly: the log holds a day and an hour at most.
  defineRecurring({ name: "prune-realtime-events", cron: "29 * * * *", type: pruneRealtimeEventsJob.type }),
  // Hourly: an expired item is hidden at once (list and get leave it out); its row goes within the hour.
  defineRecurring({ name: "purge-expired-feed-items", cron: "41 * * * *", type: purgeExpiredFeedItemsJob.type }),
  // Daily, at night: searches are kept 90 days, so a day more or less does not matter.
  defineRecurring({ name: "purge-search-events", cron: "23 3 * * *", type: purgeSearchEventsJob.type }),
  // Daily, at night: runs are kept 90 days.
  defineRecurring({ name: "purge-agent-runs", cron: "33 3 * * *", type: purgeAgentRunsJob.type }),
  // Hourly: trending topics look at the last 24 hours, so an hour's delay is a twenty-fourth of it
  // (an admin can recompute at once from the trending page).
  defineRecurring({ name: "compute-trending", cron: "13 * * * *", type: computeTrendingJob.type }),
  // Every minute: reports are at most a minute or two behind the cases (a system job finds the
  // tenants whose cases changed since their rollups' cursor; each tenant's counting is a job).
  defineRecurring({ name: "count-report-rollups", cron: "* * * * *", type: countRollupsJob.type }),
  // Nightly: each tenant's triage models learn from the day's resolved cases (a feature job type,
  // registered by services/feature-jobs.ts; an admin can train at once from the AI settings).
  defineRecurring({ name: "train-triage-models", cron: "41 2 * * *", type: "triage.train" }),
  // Hourly: each tenant's digests go out at 08:00 in its own time zone (a feature job type,
  // registered by services/feature-jobs.ts).
  defineRecurring({ name: "notification-digests", cron: "3 * * * *", type: "notifications.digest" }),
  // Hourly: the vocabulary typos are corrected against, for tenants whose cases changed (a feature
  // job type, registered by services/feature-jobs.ts).
  defineRecurring({ name: "search-terms", cron: "29 * * * *", type: "search.terms" }),
] as const;
