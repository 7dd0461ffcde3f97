// A chat answered after the visitor left: the replies they did not read go to the address they
// gave, once; internal notes never; a visitor who read them in the chat gets no mail.
import { beforeAll, describe, expect, it } from "vitest";
import { withPrivilegedDb } from "@/server/db/privileged-db";
import { withTenantDb } from "@/server/db/tenant-db";
import { uploadByUser } from "@/server/services/attachments/attachment-test-kit";
import { captureMail } from "@/test/mail-capture";
import { callerFor, createTestTenant, type TestTenant } from "@/test/factories";
import { setUpWidget, visitorToken, widgetCall } from "@/test/widget-kit";
import { chatReplyMailJob, mailUnreadReplies } from "./reply-mail";
import { hashVisitorToken } from "./visitors";

let tenant: TestTenant;
let widgetId: string;

beforeAll(async () => {
  tenant = await createTestTenant("chat-mail");
  ({ widgetId } = await setUpWidget(tenant));
});
const mailbox = captureMail();

async function chatWithEmail(email: string | undefined) {
  const token = await visitorToken(widgetId);
  await widgetCall("POST", `/${widgetId}/messages`, { token, body: { body: "Are you there?", ...(email ? { email } : {}) } });
  const caseId = await withTenantDb(tenant.id, async (db) => (await db.chatVisitor.findFirstOrThrow({ where: { tokenHash: hashVisitorToken(token) } })).caseId!);
  return { token, caseId };
}
const mail = (caseId: string) => mailUnreadReplies((fn) => withTenantDb(tenant.id, fn), caseId);

describe("replies to a chat by mail", () => {
  it("mails the unread replies (not the notes) to the visitor's address, a while after the reply, once", async () => {
    const { caseId } = await chatWithEmail("visitor@mail.test");
    const agent = await callerFor(tenant.users.AGENT, tenant.slug);
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "We're back at 9; here is the answer." });
    await agent.cases.addMessage({ caseId, kind: "INTERNAL_NOTE", body: "Internal: refund approved" });
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "And a refund is on its way." });
    const label = await uploadByUser(tenant.id, tenant.users.AGENT.id, Buffer.from("label"), "return-label.txt");
    await agent.cases.addMessage({ caseId, kind: "PUBLIC_REPLY", body: "", attachmentIds: [label.id] });
    // One job per chat, for a little later (replies of a burst share it).
    const jobs = await withPrivilegedDb("test read", (db) => db.job.findMany({ where: { tenantId: tenant.id, type: chatReplyMailJob.type, payload: { equals: { caseId } } } }));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 60_000);

    expect(await mail(caseId)).toEqual({ mailed: 3 });
    expect(mailbox.sent).toHaveLength(1);
    expect(mailbox.sent[0]).toMatchObject({ to: "visitor@mail.test", subject: expect.stringMatching(/^A reply to your chat \(#\d+\)$/) });
    expect(mailbox.sent[0]!.text).toContain("We're back at 9; here is the answer.\n\nAnd a refund is on its way.\n\n[A file to open in the chat: return-label.txt]");
    expect(mailbox.sent[0]!.text).not.toContain("Internal");
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
    expect(mailbox.sent).toEqual([]);
  });
});
