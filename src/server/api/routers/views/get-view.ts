import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { getSavedView, savedViewOutput } from "@/server/services/views/saved-views";
import { viewCallerOf } from "./view-caller";

/** A view the caller sees, or one someone shared with them (the inbox link opens it). */
export const getView = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/views/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(savedViewOutput)
  .query(({ ctx, input }) => getSavedView(ctx.db, viewCallerOf(ctx), input.id));
