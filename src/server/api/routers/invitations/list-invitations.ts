import { z } from "zod";
import { listInvitationsSchema } from "@/lib/validations/invitation";
import { tenantProcedure } from "@/server/api/trpc";
import { listInvitations as listInvitationsService } from "@/server/services/invitations/list-invitations";
import { invitationOutput } from "./invitation-output";

export const listInvitations = tenantProcedure("members:manage")
  .meta({ openapi: { method: "GET", path: "/invitations" } })
  .input(listInvitationsSchema)
  .output(z.object({ items: z.array(invitationOutput), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => listInvitationsService(ctx.db, input));
