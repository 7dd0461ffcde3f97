import { z } from "zod";
import { invitationTokenInput } from "@/lib/validations/invitation";
import { authedProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors/app-error";
import { limitTokenUse } from "@/server/services/accounts/public-limits";
import { acceptInvitation as acceptInvitationService } from "@/server/services/invitations/accept-invitation";

/** The signed-in user joins the tenant the link invites to; API keys cannot accept for anyone. */
export const acceptInvitation = authedProcedure
  .input(invitationTokenInput)
  .output(z.object({ tenantSlug: z.string() }))
  .mutation(async ({ ctx, input }) => {
    if (!ctx.user || ctx.principal) throw new AppError("FORBIDDEN", "Sign in as the invited person to accept", { reason: "USER_REQUIRED" });
    await limitTokenUse(ctx.ip);
    return acceptInvitationService(input.token, ctx.user);
  });
