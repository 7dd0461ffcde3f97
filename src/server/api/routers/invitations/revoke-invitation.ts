import { invitationIdSchema } from "@/lib/validations/invitation";
import { tenantProcedure } from "@/server/api/trpc";
import { revokeInvitation as revokeInvitationService } from "@/server/services/invitations/manage-invitations";
import { invitingActor } from "./inviting-actor";
import { invitationOutput, toInvitationOutput } from "./invitation-output";

export const revokeInvitation = tenantProcedure("members:manage")
  .meta({ openapi: { method: "DELETE", path: "/invitations/{id}" } })
  .input(invitationIdSchema)
  .output(invitationOutput)
  .mutation(async ({ ctx, input }) => toInvitationOutput(await revokeInvitationService(ctx.db, invitingActor(ctx), input.id)));
