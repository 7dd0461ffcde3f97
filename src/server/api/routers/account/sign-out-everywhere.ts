import { z } from "zod";
import { authedProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors/app-error";
import { signOutEverywhere as signOutEverywhereService } from "@/server/services/accounts/sign-out-everywhere";

/** Signed-in users only (not API keys): ends every session of the account, this one included. */
export const signOutEverywhere = authedProcedure
  .output(z.object({ sessionsEnded: z.number().int() }))
  .mutation(async ({ ctx }) => {
    if (!ctx.user || ctx.principal) throw new AppError("FORBIDDEN", "Only a signed-in user can end their sessions", { reason: "USER_REQUIRED" });
    return signOutEverywhereService(ctx.user.id);
  });
