import { createTRPCRouter } from "@/server/api/trpc";
import { addCaseMessage } from "./add-case-message";
import { assignCase } from "./assign-case";
import { bulkUpdateCases } from "./bulk-update-cases";
import { caseTimeline } from "./case-timeline";
import { countCases } from "./count-cases";
import { createCase } from "./create-case";
import { deescalateCase } from "./deescalate-case";
import { escalateCase } from "./escalate-case";
import { followCase, unfollowCase } from "./follow-case";
import { getCase } from "./get-case";
import { listCases } from "./list-cases";
import { getListDisplay } from "./get-list-display";
import { setListDisplay } from "./set-list-display";
import { mergeCases } from "./merge-cases";
import { shareCase } from "./share-case";
import { suggestTags } from "./suggest-tags";
import { transitionCase } from "./transition-case";
import { updateCase } from "./update-case";

export const casesRouter = createTRPCRouter({
  list: listCases,
  counts: countCases,
  tags: suggestTags,
  display: getListDisplay,
  setDisplay: setListDisplay,
  get: getCase,
  timeline: caseTimeline,
  create: createCase,
  update: updateCase,
  transition: transitionCase,
  assign: assignCase,
  follow: followCase,
  unfollow: unfollowCase,
  addMessage: addCaseMessage,
  merge: mergeCases,
  bulkUpdate: bulkUpdateCases,
  share: shareCase,
  escalate: escalateCase,
  deescalate: deescalateCase,
});
