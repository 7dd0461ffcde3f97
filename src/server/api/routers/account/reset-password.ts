import { z } from "zod";
import { resetPasswordSchema } from "@/lib/validations/auth";
import { publicProcedure } from "@/server/api/trpc";
import { limitTokenUse } from "@/server/services/accounts/public-limits";
import { resetPassword as resetPasswordService } from "@/server/services/accounts/password-reset";

/** Public: the token from the mail authorises it. Every session of the account ends. */
export const resetPassword = publicProcedure
  .input(resetPasswordSchema)
  .output(z.object({ email: z.string() }))
  .mutation(async ({ ctx, input }) => {
    await limitTokenUse(ctx.ip);
    return resetPasswordService(input);
  });
