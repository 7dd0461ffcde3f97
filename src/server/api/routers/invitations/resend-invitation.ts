import { invitationIdSchema } from "@/lib/validations/invitation";
import { tenantProcedure } from "@/server/api/trpc";
import { resendInvitation as resendInvitationService } from "@/server/services/invitations/manage-invitations";
import { invitingActor } from "./inviting-actor";
import { issuedInvitationOutput, toInvitationOutput } from "./invitation-output";

export const resendInvitation = tenantProcedure("members:manage")
  .meta({ openapi: { method: "POST", path: "/invitations/{id}/resend" } })
  .input(invitationIdSchema)
  .output(issuedInvitationOutput)
  .mutation(async ({ ctx, input }) => {
    const issued = await resendInvitationService(ctx.db, invitingActor(ctx), ctx.tenant, { id: input.id, baseUrl: ctx.origin });
    return { ...issued, invitation: toInvitationOutput(issued.invitation) };
  });
