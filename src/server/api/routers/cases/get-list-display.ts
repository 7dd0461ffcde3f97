import { listDisplaySchema } from "@/lib/validations/list-display";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { getListDisplay as getListDisplayService } from "@/server/services/cases/list-display";

/** The caller's display of the cases list (density, columns, preview pane). */
export const getListDisplay = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/cases/display" } })
  .output(listDisplaySchema)
  .query(({ ctx }) => getListDisplayService(ctx.db, callerOf(ctx).userId));
