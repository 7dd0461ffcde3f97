import { z } from "zod";
import { changePasswordSchema } from "@/lib/validations/auth";
import { authedProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors/app-error";
import { changePassword as changePasswordService } from "@/server/services/accounts/change-password";

/**
 * Signed-in users only (not API keys). Every session ends, this one too; the form re-establishes
 * it by signing in again with the new password.
 */
export const changePassword = authedProcedure
  .input(changePasswordSchema)
  .output(z.object({ email: z.string() }))
  .mutation(async ({ ctx, input }) => {
    if (!ctx.user || ctx.principal) throw new AppError("FORBIDDEN", "Only a signed-in user can change their password", { reason: "USER_REQUIRED" });
    await changePasswordService(ctx.user.id, input);
    return { email: ctx.user.email };
  });
