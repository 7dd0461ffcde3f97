// Outgoing mail (invitations, password resets). With SMTP_URL set, messages go through nodemailer's
// SMTP transport; without it (development and tests only: staging and production refuse to start)
// nothing is sent and the caller gets `delivered: false`, so it can show an invitation link to the
// admin to copy. A message's text and links never go to the log: they carry single-use tokens,
// and logs are kept, shipped and read far more widely than a mailbox. Tests inject a transport.
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
    logger.info({ mail: { to: message.to, subject: message.subject } }, "mail not sent: SMTP_URL is not set");
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
