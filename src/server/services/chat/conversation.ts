// A visitor's conversation: a case of channel CHAT whose public replies are the chat. The visitor
// reads only public replies of their own case (internal notes never reach the widget), and what
// they write is a customer message on it, as an e-mail reply would be: the assignee and followers
// are told, a waiting or resolved case opens again, the realtime stream carries it to agents.
import type { WidgetConversation, WidgetMessage } from "@/lib/validations/chat-widget";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { emitEvents } from "@/server/realtime/emit";
import { recordCaseEvents } from "@/server/services/cases/case-events";
import { createCase } from "@/server/services/cases/create-case";
import { slaPauseSelect } from "@/server/services/cases/sla-pause";
import { loadTenantSettings } from "@/server/services/cases/tenant-settings";
import { statusChange } from "@/server/services/cases/transition-case";
import { createCustomer } from "@/server/services/customers/customers";
import { createNotifications } from "@/server/services/notifications/notifications";
import { claimAttachments } from "@/server/services/attachments/claim";
import { attachmentsByMessage } from "@/server/services/attachments/views";
import { withLinks, type LinkTarget } from "./attachment-links";
import { encryptVisitorEmail, type VisitorRow } from "./visitors";

/** The newest messages a widget shows; older ones stay on the case. */
export const WIDGET_HISTORY = 200;

const messageSelect = { id: true, authorType: true, authorId: true, body: true, createdAt: true } as const;
type MessageRow = { id: string; authorType: "MEMBER" | "CUSTOMER" | "SYSTEM"; authorId: string | null; body: string; createdAt: Date };

const firstName = (name: string | null | undefined) => name?.trim().split(/\s+/)[0] ?? null;

/** Messages as the widget shows them: agents by first name only, files by links for this visitor. */
export async function toWidgetMessages(db: TenantDb, rows: MessageRow[], links: LinkTarget): Promise<WidgetMessage[]> {
  const agentIds = [...new Set(rows.flatMap((m) => (m.authorType === "MEMBER" && m.authorId ? [m.authorId] : [])))];
  const [agents, attachments] = await Promise.all([
    agentIds.length ? db.user.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }) : [],
    attachmentsByMessage(db, rows.map((m) => m.id)),
  ]);
  const names = new Map(agents.map((a) => [a.id, firstName(a.name)]));
  return rows.map((m) => ({
    id: m.id,
    from: m.authorType === "CUSTOMER" ? "visitor" : "agent",
    authorName: m.authorType === "MEMBER" && m.authorId ? (names.get(m.authorId) ?? null) : null,
    body: m.body,
    at: m.createdAt.toISOString(),
    attachments: (attachments.get(m.id) ?? []).map((a) => withLinks(links, a)),
  }));
}

/** A public message of the visitor's case, for the stream; null for a note or another case's message. */
export async function visitorMessage(db: TenantDb, visitor: Pick<VisitorRow, "caseId">, messageId: string, links: LinkTarget): Promise<WidgetMessage | null> {
  if (!visitor.caseId) return null;
  const row = await db.caseMessage.findFirst({ where: { id: messageId, caseId: visitor.caseId, kind: "PUBLIC_REPLY" }, select: messageSelect });
  return row ? ((await toWidgetMessages(db, [row], links))[0] ?? null) : null;
}

export async function loadConversation(db: TenantDb, visitor: VisitorRow, widgetId: string): Promise<WidgetConversation> {
  if (!visitor.caseId) return { caseNumber: null, messages: [], seenByAgentUpTo: null };
  const found = await db.case.findFirst({ where: { id: visitor.caseId }, select: { number: true } });
  if (!found) return { caseNumber: null, messages: [], seenByAgentUpTo: null };
  const rows = await db.caseMessage.findMany({
    where: { caseId: visitor.caseId, kind: "PUBLIC_REPLY" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: WIDGET_HISTORY,
    select: messageSelect,
  });
  const links = { tenantId: requireTenantId(), widgetId, visitorId: visitor.id };
  return { caseNumber: found.number, messages: await toWidgetMessages(db, rows.reverse(), links), seenByAgentUpTo: visitor.agentSeenUpTo };
}

export interface VisitorSend {
  widgetId: string;
  body: string;
  attachmentIds?: string[];
  email?: string;
  name?: string;
}

/** Writes the visitor's message, making their customer and case first when this is their first. */
export async function sendVisitorMessage(db: TenantDb, visitor: VisitorRow, input: VisitorSend): Promise<WidgetMessage> {
  const tenantId = requireTenantId();
  const now = new Date();
  // What an anonymous visitor says about themselves is kept on the visitor (for a reply by mail),
  // never written onto a customer it could be mistaken for.
  if (!visitor.verified && (input.email || input.name)) {
    await db.chatVisitor.updateMany({
      where: { id: visitor.id },
      data: { ...(input.email ? { emailCiphertext: encryptVisitorEmail(tenantId, input.email) } : {}), ...(input.name ? { name: input.name } : {}) },
    });
  }
  const customerId = visitor.customerId ?? (await newCustomerFor(db, visitor, input.name));
  const caseId = await openCaseFor(db, visitor, customerId, input.body);
  if (visitor.customerId !== customerId || visitor.caseId !== caseId) {
    await db.chatVisitor.updateMany({ where: { id: visitor.id }, data: { customerId, caseId } });
  }
  const message = await db.caseMessage.create({
    data: { tenantId, caseId, kind: "PUBLIC_REPLY", authorType: "CUSTOMER", authorId: customerId, body: input.body, createdAt: now },
    select: messageSelect,
  });
  await claimAttachments(db, { ids: input.attachmentIds ?? [], messageId: message.id, uploader: { chatVisitorId: visitor.id } });
  await reopenOnReply(db, caseId, now);
  // Not audited: the audit log is what members and keys do; a customer's message is the case's
  // content, as an e-mail from them would be (and every audit entry of a tenant takes its chain's lock).
  // The visitor's id lets their own stream learn its case from this event, without a read.
  emitEvents({ kind: "case.message_added", entityId: caseId, data: { messageId: message.id, messageKind: "PUBLIC_REPLY", chatVisitorId: visitor.id } });
  return (await toWidgetMessages(db, [message], { tenantId, widgetId: input.widgetId, visitorId: visitor.id }))[0]!;
}

async function newCustomerFor(db: TenantDb, visitor: VisitorRow, name: string | undefined): Promise<string> {
  const customer = await createCustomer(
    db,
    { userId: null, canReadPii: false },
    { name: name ?? visitor.name ?? "Website visitor", notes: "Started a chat from the website (identity not verified).", attributes: {} },
  );
  return customer.id;
}

/** The visitor's open case, or a new CHAT case when they have none (or theirs was closed or merged). */
async function openCaseFor(db: TenantDb, visitor: VisitorRow, customerId: string, firstMessage: string): Promise<string> {
  if (visitor.caseId) {
    const current = await db.case.findFirst({ where: { id: visitor.caseId }, select: { id: true, status: true, mergedIntoId: true } });
    // A merged chat continues where it went.
    if (current?.mergedIntoId) return openCaseFor(db, { ...visitor, caseId: current.mergedIntoId }, customerId, firstMessage);
    if (current && current.status !== "CLOSED") return current.id;
  }
  const title = firstMessage.replace(/\s+/g, " ").trim().slice(0, 120) || "Chat from the website";
  const created = await createCase(db, { userId: null, canReadPii: false }, { title, description: "", channel: "CHAT", priority: "NORMAL", tags: [], customerId });
  return created.id;
}

/** A customer's message opens a case that was waiting on them, snoozed or resolved, and tells its people. */
async function reopenOnReply(db: TenantDb, caseId: string, now: Date): Promise<void> {
  const target = await db.case.findFirst({ where: { id: caseId }, select: { id: true, status: true, version: true, assigneeId: true, ...slaPauseSelect } });
  if (!target) return;
  const reopen = target.status === "PENDING" || target.status === "SNOOZED" || target.status === "RESOLVED";
  if (reopen) {
    const change = statusChange(target.status, "OPEN", now, target, await loadTenantSettings(db));
    await db.case.updateMany({ where: { id: caseId }, data: { ...change.data, updatedAt: now, version: { increment: 1 } } });
    await recordCaseEvents(db, [{ caseId, type: "status_changed", from: target.status, to: { status: "OPEN", reason: "customer_replied", ...change.event }, at: now }]);
    emitEvents({ kind: "case.updated", entityId: caseId, data: { status: "OPEN" } });
  } else {
    await db.case.updateMany({ where: { id: caseId }, data: { updatedAt: now } });
  }
  const followers = await db.caseFollower.findMany({ where: { caseId }, select: { userId: true } });
  const told = new Set([...(target.assigneeId ? [target.assigneeId] : []), ...followers.map((f) => f.userId)]);
  await createNotifications(db, [...told].map((userId) => ({ userId, type: "reply", caseId, createdAt: now })));
}
