import { z } from "zod";
import { invitationSignUpSchema } from "@/lib/validations/invitation";
import { publicProcedure } from "@/server/api/trpc";
import { limitTokenUse } from "@/server/services/accounts/public-limits";
import { signUpWithInvitation as signUpWithInvitationService } from "@/server/services/invitations/accept-invitation";

/** Public: creates the account for the invited email and joins the tenant; no organisation is
 *  created. Answers the same when the address already has an account (its owner is mailed). */
export const signUpWithInvitation = publicProcedure
  .input(invitationSignUpSchema)
  .output(z.object({ tenantSlug: z.string(), email: z.string() }))
  .mutation(async ({ ctx, input }) => {
    await limitTokenUse(ctx.ip);
    return signUpWithInvitationService(input, { origin: ctx.origin });
  });
