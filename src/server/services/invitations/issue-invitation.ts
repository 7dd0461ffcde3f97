// Issues an invitation: one single-use link, valid 7 days. Works on a tenant transaction (settings
// page) and on a privileged one (the platform admin creating a tenant with its first owner), so
// every write names the tenant explicitly; the tenancy extension accepts that when it matches.
import type { Role } from "@/server/db/generated/enums";
import type { TenantDb } from "@/server/db/tenant-db";
import type { PrivilegedDb } from "@/server/db/privileged-db";
import { INVITATION_TTL_MS, generateToken, invitationUrl } from "./tokens";
import { sendInvitationMail } from "./invitation-mail";
import { invitationSelect, type InvitationRow } from "./invitation-select";

export interface IssueInvitationInput {
  tenantId: string;
  email: string;
  role: Role;
  invitedById: string | null;
  inviterName?: string | null;
  tenantName: string;
  /** Origin of the request, used when NEXTAUTH_URL is not set. */
  baseUrl?: string;
  now?: Date;
}

export interface IssuedInvitation {
  invitation: InvitationRow;
  /** The link with the token; shown to the admin when the mail was not delivered. */
  url: string;
  delivered: boolean;
}

export async function issueInvitation(db: TenantDb | PrivilegedDb, input: IssueInvitationInput): Promise<IssuedInvitation> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  // Re-inviting replaces: earlier pending links for this email stop working, so only the newest
  // message in the invitee's inbox is valid.
  await (db as PrivilegedDb).invitation.updateMany({
    where: { tenantId: input.tenantId, email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const { token, tokenHash } = generateToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const invitation = await (db as PrivilegedDb).invitation.create({
    data: { tenantId: input.tenantId, email, role: input.role, tokenHash, invitedById: input.invitedById, expiresAt, lastSentAt: now },
    select: invitationSelect,
  });
  const url = invitationUrl(token, input.baseUrl);
  const mail = await sendInvitationMail({ to: email, url, role: input.role, tenantName: input.tenantName, inviterName: input.inviterName, expiresAt });
  return { invitation, url, delivered: mail.delivered };
}
