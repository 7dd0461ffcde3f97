// Schemas for invitations, shared by the settings form, the accept page and the procedures.
import { z } from "zod";
import { text } from "./text";
import { roleSchema } from "./admin";
import { emailSchema, passwordSchema } from "./auth";

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;

export const createInvitationSchema = z.object({ email: emailSchema, role: roleSchema });
export type CreateInvitationInput = z.input<typeof createInvitationSchema>;

export const invitationIdSchema = z.object({ id: z.uuid() });

export const listInvitationsSchema = z.object({
  limit: z.number().int().min(1).max(100).default(50),
  cursor: text().max(200).nullish(),
  status: z.enum(INVITATION_STATUSES).optional(),
});

/** The token from the link: 32 random bytes in base64url. Anything else is refused before a lookup. */
export const invitationTokenSchema = text().regex(/^[A-Za-z0-9_-]{43}$/, { message: "This invitation link is not valid" });

export const invitationTokenInput = z.object({ token: invitationTokenSchema });

/** Sign-up through an invitation: the email is the invitation's, and no organisation is created. */
export const invitationSignUpSchema = z.object({
  token: invitationTokenSchema,
  name: text().trim().min(1, { message: "Enter your name" }).max(100),
  password: passwordSchema,
});
export type InvitationSignUpInput = z.infer<typeof invitationSignUpSchema>;
