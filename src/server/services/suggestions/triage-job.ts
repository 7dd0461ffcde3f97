// The triage of a new case as a background job of its tenant: enqueued with the case (in its
// transaction, so a case that rolls back is never triaged).
import { defineCaseAiJob } from "./case-ai-job";
import { triageCase } from "./triage-case";

export const triageCaseJob = defineCaseAiJob("ai.triage-case", triageCase);
