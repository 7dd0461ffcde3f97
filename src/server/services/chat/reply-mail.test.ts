// A chat answered after the visitor left: the replies they did not read go to the address they
// gave, once; internal notes never; a visitor who read them in the chat gets no mail.
import nodemailer from "nodemailer";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { setMailTransport } from "@/server/mail";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { setUpWidget, visitorToken, widgetCall } from "@/test/widget-kit";
import { chatReplyMailJob, mailUnreadReplies } from "./reply-mail";
import { hashVisitorToken } from "./visitors";

let tenant: TestTenant;
let widgetId: string;
let sent: { to: string; subject: string; text: string }[];

beforeAll(async () => {
  tenant = await createTestTenant("chat-mail");
  ({ widgetId } = await setUpWidget(tenant));
});
beforeEach(() => {
  sent = [];
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const original = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
    const info = (await original(mail)) as unknown as { message: string };
    const m = JSON.parse(info.message) as { to: { address: string }[]; subject: string; text: string };
    sent.push({ to: m.to[0]!.address, subject: m.subject, text: m.text });
    return info;
  }) as typeof transport.sendMail;
  setMailTransport(transport);
});
afterEach(() => setMailTransport(undefined));

async function chatWithEmail(email: string | undefined) {
  const token = await visitorToken(widgetId);
  await widgetCall("POST", `/${widgetId}/messages`, { token, body: { body: "Are you there?", ...(email ? { email } : {}) } });
  const caseId = await withTenantDb(tenant.id, async (db) => (await db.chatVisitor.findFirstOrThrow({ where: { tokenHash: hashVisitorToken(token) } })).caseId!);
  return { token, caseId };
}
const mail = (caseId: string) => withTenantDb(tenant.id, (db) => mailUnreadReplies(db, caseId));

describe("replies to a chat by mail", () => {
  it("mails the unread replies (not the notes) to the visitor's address, a while after the reply, once", async () => {
    const { caseId } = await chatWithEmail("visitor@mail.test");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "We're back at 9; here is the answer." });
    await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "Internal: refund approved" });
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "And a refund is on its way." });
    // One job per chat, for a little later (replies of a burst share it).
    const jobs = await withPrivilegedDb("test read", (db) => db.job.findMany({ where: { tenantId: tenant.id, type: chatReplyMailJob.type, payload: { equals: { caseId } } } }));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 60_000);

    expect(await mail(caseId)).toEqual({ mailed: 2 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: "visitor@mail.test", subject: expect.stringMatching(/^A reply to your chat \(#\d+\)$/) });
    expect(sent[0]!.text).toContain("We're back at 9; here is the answer.\n\nAnd a refund is on its way.");
    expect(sent[0]!.text).not.toContain("Internal");
    // Mailed counts as read: the next run sends nothing more.
    expect(await mail(caseId)).toEqual({ mailed: 0 });
  });

  it("sends nothing to a visitor who read the reply in the chat, or who gave no address", async () => {
    const { token, caseId } = await chatWithEmail("reader@mail.test");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    const reply = await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "Here you go." });
    await widgetCall("POST", `/${widgetId}/read`, { token, body: { upTo: reply.message.id } });
    expect(await mail(caseId)).toEqual({ mailed: 0 });

    const silent = await chatWithEmail(undefined);
    await agent.cases.addMessage({ caseId: silent.caseId, kind: "PUBLIC_REPLY", body: "Hello?" });
    expect(await withPrivilegedDb("test read", (db) => db.job.count({ where: { tenantId: tenant.id, type: chatReplyMailJob.type, payload: { equals: { caseId: silent.caseId } } } }))).toBe(0);
    expect(sent).toEqual([]);
  });
});
