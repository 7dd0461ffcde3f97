import { z } from "zod";
import { callerOf } from "@/server/api/caller";
import { tenantProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors/app-error";
import { recentSearches } from "@/server/services/search/analytics";

/** The signed-in member's last distinct searches, newest first (offered by the palette). */
export const recent = tenantProcedure("cases:read")
  .input(z.object({ limit: z.number().int().min(1).max(20).default(6) }).default({ limit: 6 }))
  .output(z.array(z.object({ query: z.string(), at: z.date() })))
  .query(({ ctx, input }) => {
    const { userId } = callerOf(ctx);
    if (!userId) throw new AppError("FORBIDDEN", "Only a signed-in member has recent searches", { reason: "USER_REQUIRED" });
    return recentSearches(ctx.db, userId, input.limit);
  });
