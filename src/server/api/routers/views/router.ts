import { createTRPCRouter } from "@/server/api/trpc";
import { createView } from "./create-view";
import { deleteView } from "./delete-view";
import { listViews } from "./list-views";
import { updateView } from "./update-view";

export const viewsRouter = createTRPCRouter({
  list: listViews,
  create: createView,
  update: updateView,
  delete: deleteView,
});
