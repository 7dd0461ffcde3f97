import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { deleteSavedView } from "@/server/services/views/saved-views";
import { viewCallerOf } from "./view-caller";

export const deleteView = tenantProcedure("cases:read")
  .meta({ openapi: { method: "DELETE", path: "/views/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => deleteSavedView(ctx.db, viewCallerOf(ctx), input.id));
