// An agent's answer to a chat whose visitor has gone: mailed to the address the visitor gave (or
// their verified one), when SMTP is configured. Decided a little after the reply, so a visitor
// still in the chat reads it there and gets no mail; replies of a burst go in one mail.
import { z } from "zod";
import type { TenantDb, WithTenantDb } from "@/server/db/tenant-db";
import { defineJob, enqueue, registerJob } from "@/server/jobs";
import { sendMail } from "@/server/mail";
import { attachmentsByMessage } from "@/server/services/attachments/views";
import { visitorSelect, visitorView } from "./visitors";

/** How long a reply waits for the visitor to read it in the chat before it is mailed. */
export const REPLY_MAIL_DELAY_MS = 2 * 60_000;

export const chatReplyMailJob = registerJob(
  defineJob({
    type: "chat.reply-mail",
    scope: "tenant",
    payload: z.object({ caseId: z.uuid() }),
    // No transaction waits on SMTP: the replies are read in one, mailed, then marked read in
    // another. A runner killed between the send and the mark mails them once more on retry.
    transaction: "per-call",
    maxAttempts: 3,
    timeoutMs: 60_000,
    async handler({ caseId }, { withDb }) {
      return mailUnreadReplies(withDb, caseId);
    },
  }),
);

/** In the reply's transaction: a mail later, for a chat case with a visitor who left an address. */
export async function scheduleChatReplyMail(db: TenantDb, caseId: string): Promise<void> {
  const visitor = await db.chatVisitor.findFirst({ where: { caseId, emailCiphertext: { not: null } }, select: { id: true } });
  if (!visitor) return;
  await enqueue(chatReplyMailJob, { caseId }, { db, dedupeKey: `chat-reply-mail:${caseId}`, runAt: new Date(Date.now() + REPLY_MAIL_DELAY_MS) });
}

/** A reply's files are named, not sent: they open from the chat, for the visitor alone. */
function withFiles(body: string, files: { filename: string }[]): string {
  if (files.length === 0) return body;
  const list = `[${files.length === 1 ? "A file" : `${files.length} files`} to open in the chat: ${files.map((f) => f.filename).join(", ")}]`;
  return body ? `${body}\n${list}` : list;
}

/** Mails the agents' public replies the visitor has not read, newest last; what was mailed counts as read. */
export async function mailUnreadReplies(withDb: WithTenantDb, caseId: string): Promise<{ mailed: number }> {
  const pending = await withDb((db) => unreadReplies(db, caseId));
  if (!pending) return { mailed: 0 };
  const { visitorId, seenUpTo, email, number, unread, files } = pending;
  const result = await sendMail({
    to: email,
    subject: `A reply to your chat${number !== null ? ` (#${number})` : ""}`,
    text: [...unread.map((m) => withFiles(m.body, files.get(m.id) ?? [])), "—\nOpen the chat on our website to continue the conversation."].join("\n\n"),
  });
  if (!result.delivered) return { mailed: 0 };
  // Only if the visitor has not read further in the chat meanwhile: never moves their mark back.
  await withDb((db) => db.chatVisitor.updateMany({ where: { id: visitorId, visitorSeenUpTo: seenUpTo }, data: { visitorSeenUpTo: unread.at(-1)!.id } }));
  return { mailed: unread.length };
}

async function unreadReplies(db: TenantDb, caseId: string) {
  const visitor = await db.chatVisitor.findFirst({
    where: { caseId, emailCiphertext: { not: null } },
    orderBy: { lastSeenAt: "desc" },
    select: { ...visitorSelect, visitorSeenUpTo: true },
  });
  if (!visitor) return null;
  const seen = visitor.visitorSeenUpTo
    ? await db.caseMessage.findFirst({ where: { id: visitor.visitorSeenUpTo }, select: { createdAt: true } })
    : null;
  const unread = await db.caseMessage.findMany({
    where: { caseId, kind: "PUBLIC_REPLY", authorType: "MEMBER", ...(seen ? { createdAt: { gt: seen.createdAt } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true },
  });
  const email = visitorView(visitor).email;
  if (!unread.length || !email) return null;
  const found = await db.case.findFirst({ where: { id: caseId }, select: { number: true } });
  const files = await attachmentsByMessage(db, unread.map((m) => m.id));
  return { visitorId: visitor.id, seenUpTo: visitor.visitorSeenUpTo, email, number: found?.number ?? null, unread, files };
}
