import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { listSavedViews, savedViewOutput } from "@/server/services/views/saved-views";
import { viewCallerOf } from "./view-caller";

export const listViews = tenantProcedure("cases:read")
  .meta({ openapi: { method: "GET", path: "/views" } })
  .output(z.array(savedViewOutput))
  .query(({ ctx }) => listSavedViews(ctx.db, viewCallerOf(ctx)));
