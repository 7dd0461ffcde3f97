// Daily: deletes AI runs older than 90 days, across tenants, one short transaction per batch.
import { purgeOldAgentRuns } from "@/server/ai/purge-runs";
import { defineBatchPurgeJob } from "./batch-purge";

export const purgeAgentRunsJob = defineBatchPurgeJob({ type: "ai.purge-old-runs", purge: purgeOldAgentRuns, what: "old AI runs" });
