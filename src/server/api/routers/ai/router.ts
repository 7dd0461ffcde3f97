import { createTRPCRouter } from "@/server/api/trpc";
import { caseSuggestions } from "./case-suggestions";
import { caseSummary } from "./case-summary";
import { decide } from "./decide-suggestion";
import { draftReplyStream } from "./draft-reply";
import { getRun } from "./get-run";
import { listRuns } from "./list-runs";
import { status } from "./status";
import { learnedTriage } from "./learned-triage";
import { trainTriageModels } from "./train-triage-models";
import { triage } from "./triage";
import { triageModels } from "./triage-models";

export const aiRouter = createTRPCRouter({
  status,
  suggestions: caseSuggestions,
  summary: caseSummary,
  decide,
  triage,
  draftReply: draftReplyStream,
  runs: listRuns,
  run: getRun,
  learnedTriage,
  triageModels,
  trainTriageModels,
});
