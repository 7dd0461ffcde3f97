import { listDisplaySchema } from "@/lib/validations/list-display";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { setListDisplay as setListDisplayService } from "@/server/services/cases/list-display";

/** Keeps the caller's display of the cases list; it follows them to every device. */
export const setListDisplay = tenantProcedure("cases:read")
  .meta({ openapi: { method: "PUT", path: "/cases/display" } })
  .input(listDisplaySchema)
  .output(listDisplaySchema)
  .mutation(({ ctx, input }) => setListDisplayService(ctx.db, callerOf(ctx).userId, input));
