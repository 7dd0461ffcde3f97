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

/** Call at the top of a test file; read `box.sent` in the tests. */
export function captureMail(): { sent: SentMail[] } {
  const box = { sent: [] as SentMail[] };
  beforeEach(() => {
    box.sent = [];
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
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
