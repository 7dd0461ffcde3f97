// The background job types features define. Each module registers its type when imported; every
// process that runs jobs (cron route, in-process ticker, worker script) should import this file
// once, so it claims these types too. Procedures that enqueue them import their module anyway.
import { bulkUpdateCasesJob } from "./cases/bulk-update-job";
import { scanAttachmentJob } from "./attachments/scan-job";
import { chatReplyMailJob } from "./chat/reply-mail";
import { rotateCustomerEncryptionJob } from "./customers/rotate-encryption-job";
import { exportCasesJob } from "./exports/export-job";
import { exportReportJob } from "./exports/report-export-job";
import { importJob } from "./imports/import-job";
import { triageCaseJob } from "./suggestions/triage-job";
import { summarizeCaseJob } from "./suggestions/summary-job";
import { reindexSearchJob } from "./search/reindex-search";
import { rebuildSearchTermsForTenantJob, rebuildSearchTermsJob } from "./search/search-terms";
import { learnedTriageCaseJob, trainTriageModelsForTenantJob, trainTriageModelsJob } from "./triage-model/triage-model-jobs";
import { notificationDigestForTenantJob, notificationDigestJob, notificationMailJob } from "./notifications/notification-mail-jobs";

export const featureJobs = [
  bulkUpdateCasesJob,
  chatReplyMailJob,
  scanAttachmentJob,
  rotateCustomerEncryptionJob,
  importJob,
  exportCasesJob,
  exportReportJob,
  notificationMailJob,
  notificationDigestForTenantJob,
  notificationDigestJob,
  triageCaseJob,
  summarizeCaseJob,
  trainTriageModelsJob,
  trainTriageModelsForTenantJob,
  learnedTriageCaseJob,
  reindexSearchJob,
  rebuildSearchTermsJob,
  rebuildSearchTermsForTenantJob,
] as const;
