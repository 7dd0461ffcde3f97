import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { sendMail, setMailTransport } from "@/server/mail";

afterEach(() => setMailTransport(undefined));

describe("sendMail", () => {
  it("answers delivered: false (and sends nothing) when SMTP is not configured", async () => {
    setMailTransport(null);
    await expect(sendMail({ to: "a@example.test", subject: "Hi", text: "link https://x/invite/abc" })).resolves.toEqual({ delivered: false });
  });

  it("sends through the configured transport with MAIL_FROM", async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    setMailTransport(transport);
    const result = await sendMail({ to: "a@example.test", subject: "Hello", text: "plain", html: "<p>html</p>" });
    expect(result.delivered).toBe(true);
    expect(result.messageId).toBeTruthy();
  });

  it("passes the message through unchanged (streamTransport)", async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    const sent: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      const info = (await original(mail)) as unknown as { message: Buffer; messageId: string };
      sent.push(info.message.toString());
      return info;
    }) as typeof transport.sendMail;
    setMailTransport(transport);
    await sendMail({ to: "b@example.test", subject: "Reset", text: "go to https://example.test/reset" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("To: b@example.test");
    expect(sent[0]).toContain("Subject: Reset");
    expect(sent[0]).toContain("https://example.test/reset");
    expect(sent[0]).toMatch(/From: .*no-reply@caseboard\.local|From: /);
  });
});
