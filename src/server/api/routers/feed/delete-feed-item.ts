import { z } from "zod";
import { tenantProcedure } from "@/server/api/trpc";
import { deleteFeedItem as deleteFeedItemService } from "@/server/services/feed/manage-feed";

/** Any item, announcement or the system's (which would otherwise expire on its own). */
export const deleteFeedItem = tenantProcedure("feed:manage")
  .meta({ openapi: { method: "DELETE", path: "/feed/{id}" } })
  .input(z.object({ id: z.uuid() }))
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => deleteFeedItemService(ctx.db, input.id));
