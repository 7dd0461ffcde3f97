import { createTRPCRouter } from "@/server/api/trpc";
import { applyMacro } from "./apply-macro";
import { createMacro } from "./create-macro";
import { deleteMacro } from "./delete-macro";
import { listMacros } from "./list-macros";
import { renderMacro } from "./render-macro";
import { updateMacro } from "./update-macro";

export const macrosRouter = createTRPCRouter({
  list: listMacros,
  create: createMacro,
  update: updateMacro,
  delete: deleteMacro,
  render: renderMacro,
  // "apply" is a reserved word of tRPC routers (the client is a proxy of functions).
  run: applyMacro,
});
