import { createInvitationSchema } from "@/lib/validations/invitation";
import { tenantProcedure } from "@/server/api/trpc";
import { createInvitation as createInvitationService } from "@/server/services/invitations/manage-invitations";
import { invitedByOf, invitingActor } from "./inviting-actor";
import { issuedInvitationOutput, toInvitationOutput } from "./invitation-output";

export const createInvitation = tenantProcedure("members:manage")
  .meta({ openapi: { method: "POST", path: "/invitations" } })
  .input(createInvitationSchema)
  .output(issuedInvitationOutput)
  .mutation(async ({ ctx, input }) => {
    const actor = invitingActor(ctx);
    const issued = await createInvitationService(ctx.db, actor, ctx.tenant, { ...input, baseUrl: ctx.origin });
    return { ...issued, invitation: toInvitationOutput(issued.invitation, invitedByOf(actor)) };
  });
