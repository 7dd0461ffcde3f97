import { profileSchema, updateProfileSchema } from "@/lib/validations/profile";
import { authedProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors/app-error";
import { updateProfile as updateProfileService } from "@/server/services/accounts/profile";

/** Sets the signed-in person's own time zone (null: each organisation's). Not for API keys. */
export const updateProfile = authedProcedure
  .input(updateProfileSchema)
  .output(profileSchema)
  .mutation(({ ctx, input }) => {
    if (!ctx.user || ctx.principal) throw new AppError("FORBIDDEN", "Only a signed-in user has a profile", { reason: "USER_REQUIRED" });
    return updateProfileService(ctx.user.id, input);
  });
