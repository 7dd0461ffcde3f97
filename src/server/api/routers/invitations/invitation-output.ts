import { z } from "zod";
import { roleSchema } from "@/lib/validations/admin";
import { INVITATION_STATUSES } from "@/lib/validations/invitation";
import { invitationStatus, type InvitationRow } from "@/server/services/invitations/invitation-select";

export const invitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(INVITATION_STATUSES),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  lastSentAt: z.date(),
  sendCount: z.number().int(),
  createdAt: z.date(),
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

/** Create and resend answer with the link too: shown to the admin to copy when no mail went out. */
export const issuedInvitationOutput = z.object({
  invitation: invitationOutput,
  url: z.string(),
  delivered: z.boolean(),
});

export function toInvitationOutput(row: InvitationRow, invitedBy: { id: string; name: string } | null = null): z.infer<typeof invitationOutput> {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row),
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    revokedAt: row.revokedAt,
    lastSentAt: row.lastSentAt,
    sendCount: row.sendCount,
    createdAt: row.createdAt,
    invitedBy,
  };
}
