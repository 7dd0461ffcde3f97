import { profileSchema } from "@/lib/validations/profile";
import { authedProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors/app-error";
import { getProfile } from "@/server/services/accounts/profile";

/** The signed-in person's profile (not on the REST surface, which API keys call: a key is no person, FORBIDDEN). */
export const profile = authedProcedure
  .output(profileSchema)
  .query(({ ctx }) => {
    if (!ctx.user || ctx.principal) throw new AppError("FORBIDDEN", "Only a signed-in user has a profile", { reason: "USER_REQUIRED" });
    return getProfile(ctx.user.id);
  });
