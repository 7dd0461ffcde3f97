import { createTRPCRouter } from "@/server/api/trpc";
import { createView } from "./create-view";
import { deleteView } from "./delete-view";
import { getView } from "./get-view";
import { listViews } from "./list-views";
import { shareView } from "./share-view";
import { updateView } from "./update-view";

export const viewsRouter = createTRPCRouter({
  list: listViews,
  get: getView,
  create: createView,
  update: updateView,
  delete: deleteView,
  share: shareView,
});
