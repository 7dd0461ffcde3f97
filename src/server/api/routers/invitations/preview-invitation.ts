import { z } from "zod";
import { text } from "@/lib/validations/text";
import { roleSchema } from "@/lib/validations/admin";
import { publicProcedure } from "@/server/api/trpc";
import { limitTokenUse } from "@/server/services/accounts/public-limits";
import { previewInvitation as previewInvitationService } from "@/server/services/invitations/accept-invitation";

export const invitationPreviewOutput = z.discriminatedUnion("valid", [
  z.object({
    valid: z.literal(true),
    email: z.string(),
    role: roleSchema,
    tenantName: z.string(),
    tenantSlug: z.string(),
    inviterName: z.string().nullable(),
    expiresAt: z.date(),
  }),
  z.object({ valid: z.literal(false), reason: z.enum(["accepted", "revoked", "expired", "unknown", "unavailable", "inviter"]) }),
]);

/** Public: whoever holds the link may see what it invites to (the page needs it before sign-in). */
export const previewInvitation = publicProcedure
  .input(z.object({ token: text().max(200) }))
  .output(invitationPreviewOutput)
  .query(async ({ ctx, input }) => {
    await limitTokenUse(ctx.ip);
    return previewInvitationService(input.token);
  });
