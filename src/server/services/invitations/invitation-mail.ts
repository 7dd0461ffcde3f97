// The invitation message. Plain text first (it is what the log shows when SMTP is not configured).
import { escapeHtml, sendMail, type MailResult } from "@/server/mail";
import { logger } from "@/server/logger";
import type { Role } from "@/server/db/generated/enums";

export interface InvitationMailInput {
  to: string;
  url: string;
  role: Role;
  tenantName: string;
  inviterName?: string | null;
  expiresAt: Date;
}

export async function sendInvitationMail(input: InvitationMailInput): Promise<MailResult> {
  const who = input.inviterName ? `${input.inviterName} has invited you` : "You have been invited";
  const role = input.role.toLowerCase();
  const expires = input.expiresAt.toUTCString();
  const text = `${who} to join ${input.tenantName} on Caseboard as ${role}.\n\nAccept the invitation: ${input.url}\n\nThe link works once and expires on ${expires}.`;
  const html = `<p>${escapeHtml(who)} to join <strong>${escapeHtml(input.tenantName)}</strong> on Caseboard as ${escapeHtml(role)}.</p><p><a href="${escapeHtml(input.url)}">Accept the invitation</a></p><p>The link works once and expires on ${escapeHtml(expires)}.</p>`;
  try {
    return await sendMail({ to: input.to, subject: `Join ${input.tenantName} on Caseboard`, text, html });
  } catch (error) {
    // The invitation exists either way; the admin can copy the link or resend later.
    logger.warn({ err: error, to: input.to }, "invitation mail failed");
    return { delivered: false };
  }
}
