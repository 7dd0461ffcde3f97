// Mail sent during a test, captured instead of delivered: a JSON transport whose messages are
// kept in `sent` (to, subject, text), installed before each test and removed after.
import nodemailer from "nodemailer";
import { afterEach, beforeEach } from "vitest";
import { setMailTransport } from "@/server/mail";

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Call at the top of a test file; read `box.sent` in the tests. Set `box.refuse` to make the
 * server refuse the mails it matches (as an SMTP server that is down or rejects a recipient).
 */
export function captureMail(): { sent: SentMail[]; refuse: ((mail: { to: string; subject: string }) => boolean) | null } {
  const box = { sent: [] as SentMail[], refuse: null as ((mail: { to: string; subject: string }) => boolean) | null };
  beforeEach(() => {
    box.sent = [];
    box.refuse = null;
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      if (box.refuse?.({ to: String(mail.to), subject: String(mail.subject) })) throw new Error("451 Try again later");
      const info = (await original(mail)) as unknown as { message: string };
      const m = JSON.parse(info.message) as { to: { address: string }[]; subject: string; text: string };
      box.sent.push({ to: m.to[0]!.address, subject: m.subject, text: m.text });
      return info;
    }) as typeof transport.sendMail;
    setMailTransport(transport);
  });
  afterEach(() => setMailTransport(undefined));
  return box;
}
