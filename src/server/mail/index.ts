// Outgoing mail (invitations, password resets). With SMTP_URL set, messages go through nodemailer's
// SMTP transport; without it nothing is sent: the message (with its link) is logged and the caller
// gets `delivered: false`, so it can show the link to an admin to copy. Tests inject a transport.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";
import { logger } from "@/server/logger";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailResult {
  delivered: boolean;
  messageId?: string;
}

let transport: Transporter | null | undefined;

function configuredTransport(): Transporter | null {
  if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transport;
}

/** Replaces the transport (tests: jsonTransport/streamTransport; `null` = not configured; `undefined` = from env). */
export function setMailTransport(next: Transporter | null | undefined): void {
  transport = next;
}

export async function sendMail(message: MailMessage): Promise<MailResult> {
  const t = configuredTransport();
  if (!t) {
    // No SMTP: the text carries the link, which is what an operator needs from the log.
    logger.info({ mail: { to: message.to, subject: message.subject, text: message.text } }, "mail not sent: SMTP_URL is not set");
    return { delivered: false };
  }
  const info = (await t.sendMail({ from: env.MAIL_FROM, ...message })) as { messageId?: string };
  logger.info({ mail: { to: message.to, subject: message.subject, messageId: info.messageId } }, "mail sent");
  return { delivered: true, messageId: info.messageId };
}

/** Escapes text for the small HTML bodies we build. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
