import { z } from "zod";
import { requestPasswordResetSchema } from "@/lib/validations/auth";
import { publicProcedure } from "@/server/api/trpc";
import { consumeOrThrow } from "@/server/rate-limit/consume";
import { limiters } from "@/server/rate-limit/limiters";
import { requestPasswordReset as requestPasswordResetService } from "@/server/services/accounts/password-reset";
import { addressLimitKey } from "@/server/rate-limit/address-key";

export const RESET_REQUESTED_MESSAGE = "If an account uses this email, we have sent it a link to choose a new password. The link works for one hour.";

/** Public. The same answer for every address, so it cannot be used to find out who has an account. */
export const requestPasswordReset = publicProcedure
  .input(requestPasswordResetSchema)
  .output(z.object({ message: z.string() }))
  .mutation(async ({ ctx, input }) => {
    await consumeOrThrow(limiters().resetIp, addressLimitKey(ctx.ip), "reset requests");
    // Not awaited: the answer must not wait for (and so time) the mail of an existing account.
    void (await requestPasswordResetService(input.email, { origin: ctx.origin })).mailed;
    return { message: RESET_REQUESTED_MESSAGE };
  });
