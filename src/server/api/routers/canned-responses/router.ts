import { createTRPCRouter } from "@/server/api/trpc";
import { createCannedResponse } from "./create-canned-response";
import { deleteCannedResponse } from "./delete-canned-response";
import { listCannedResponses } from "./list-canned-responses";
import { renderCannedResponse } from "./render-canned-response";
import { updateCannedResponse } from "./update-canned-response";

export const cannedResponsesRouter = createTRPCRouter({
  list: listCannedResponses,
  create: createCannedResponse,
  update: updateCannedResponse,
  delete: deleteCannedResponse,
  render: renderCannedResponse,
});
