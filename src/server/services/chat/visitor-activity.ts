// What is said about a chat without being a message: who is typing (the presence channel agents
// already share, so a visitor shows as "replying" on the case) and who has read what.
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { notFound } from "@/server/errors/app-error";
import { announcePresence } from "@/server/realtime/presence";
import type { VisitorRow } from "./visitors";

/** The visitor's presence entry is keyed by their visitor id, which no member's id can equal. */
export async function announceVisitorTyping(db: TenantDb, visitor: VisitorRow, typing: boolean): Promise<boolean> {
  if (!visitor.caseId) return false;
  const customer = visitor.customerId ? await db.customer.findFirst({ where: { id: visitor.customerId }, select: { name: true } }) : null;
  return announcePresence({
    tenantId: requireTenantId(),
    caseId: visitor.caseId,
    userId: visitor.id,
    name: `${customer?.name ?? visitor.name ?? "Visitor"} (customer)`,
    state: typing ? "replying" : "left",
  });
}

/** Records what the visitor has read: a public message of their own conversation, else NOT_FOUND. */
export async function markReadByVisitor(db: TenantDb, visitor: VisitorRow, upTo: string): Promise<boolean> {
  const message = visitor.caseId ? await db.caseMessage.findFirst({ where: { id: upTo, caseId: visitor.caseId, kind: "PUBLIC_REPLY" }, select: { id: true } }) : null;
  if (!message) throw notFound("Message");
  await db.chatVisitor.updateMany({ where: { id: visitor.id }, data: { visitorSeenUpTo: message.id } });
  return true;
}

/**
 * An agent has the chat in front of them: the visitor's messages so far count as seen. Called
 * when a member announces they are viewing or replying on a case; a case without a chat visitor
 * changes nothing.
 */
export async function markSeenByAgent(db: TenantDb, caseId: string): Promise<void> {
  const newest = await newestCustomerMessage(db, caseId);
  if (newest) await db.chatVisitor.updateMany({ where: { caseId, OR: [{ agentSeenUpTo: null }, { agentSeenUpTo: { not: newest } }] }, data: { agentSeenUpTo: newest } });
}

/** The id of the customer's newest message on the case, if any. */
export async function newestCustomerMessage(db: TenantDb, caseId: string): Promise<string | null> {
  const newest = await db.caseMessage.findFirst({
    where: { caseId, kind: "PUBLIC_REPLY", authorType: "CUSTOMER" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return newest?.id ?? null;
}
