import { updateFeedItemSchema } from "@/lib/validations/feed";
import { tenantProcedure } from "@/server/api/trpc";
import { feedItemOutput } from "@/server/services/feed/feed-select";
import { updateFeedItem as updateFeedItemService } from "@/server/services/feed/manage-feed";

/** Any field of an announcement; of a system item, only its priority and expiry (else BAD_REQUEST, reason SYSTEM_ITEM). */
export const updateFeedItem = tenantProcedure("feed:manage")
  .meta({ openapi: { method: "PATCH", path: "/feed/{id}" } })
  .input(updateFeedItemSchema)
  .output(feedItemOutput)
  .mutation(({ ctx, input }) => updateFeedItemService(ctx.db, input));
