import type { z } from "zod";
import { requestCaseSummary } from "@/server/services/suggestions/summary-job";
import type { addCaseMessageSchema } from "@/lib/validations/case";
import { recordAudit } from "@/server/audit";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { AppError, notFound } from "@/server/errors/app-error";
import { currentActor, type Caller } from "./actor";
import { recordCaseEvents } from "./case-events";
import { createNotifications } from "@/server/services/notifications/notifications";
import { emitEvents } from "@/server/realtime/emit";
import { scheduleChatReplyMail } from "@/server/services/chat/reply-mail";
import { claimAttachments } from "@/server/services/attachments/claim";
import { requestUploader } from "@/server/services/attachments/uploader";
import { addFollowers } from "./followers";
import { parseMentionHandles, resolveMentions } from "./mentions";
import { messageItem, type TimelineItem } from "./timeline";
import { transitionData } from "./transition-case";

export type AddCaseMessageInput = z.output<typeof addCaseMessageSchema>;

export interface AddedMessage {
  message: TimelineItem;
  /** Members the body mentioned: each got a notification and now follows the case. */
  mentioned: { id: string; name: string }[];
}

/**
 * Adds a public reply or an internal note. The first public reply from the team stops the
 * first-response clock and opens a NEW case; mentions notify members and make them followers;
 * the author follows the case from then on, as a participant.
 */
export async function addCaseMessage(db: TenantDb, caller: Caller, input: AddCaseMessageInput): Promise<AddedMessage> {
  const target = await db.case.findFirst({
    where: { id: input.caseId },
    select: { id: true, status: true, firstRespondedAt: true, channel: true },
  });
  if (!target) throw notFound("Case");
  if (target.status === "CLOSED" && input.kind === "PUBLIC_REPLY") {
    throw new AppError("BAD_REQUEST", "A closed case takes no replies; open a new case for the customer");
  }
  if (input.seenUpTo !== undefined && !input.sendAnyway) await refuseUnseenReplies(db, target.id, caller.userId, input.seenUpTo);
  const now = new Date();
  const authorId = caller.userId;
  const message = await db.caseMessage.create({
    data: {
      tenantId: requireTenantId(),
      caseId: target.id,
      kind: input.kind,
      authorType: authorId ? "MEMBER" : "SYSTEM",
      authorId,
      body: input.body,
      createdAt: now,
    },
    select: { id: true, createdAt: true, kind: true, authorType: true, authorId: true, body: true },
  });
  const attachments = await claimAttachments(db, { ids: input.attachmentIds, messageId: message.id, uploader: requestUploader() });

  // Messages do not bump the version: a reply must not make a colleague's pending edit stale.
  const firstResponse = input.kind === "PUBLIC_REPLY" && target.firstRespondedAt === null;
  const opens = input.kind === "PUBLIC_REPLY" && target.status === "NEW";
  await db.case.updateMany({
    where: { id: target.id },
    data: {
      updatedAt: now,
      ...(firstResponse ? { firstRespondedAt: now } : {}),
      ...(opens ? { ...transitionData("NEW", "OPEN", now), version: { increment: 1 } } : {}),
    },
  });
  if (opens) await recordCaseEvents(db, [{ caseId: target.id, type: "status_changed", from: "NEW", to: { status: "OPEN" }, at: now }]);

  const handles = parseMentionHandles(input.body);
  // The whole team only when the message mentions someone; otherwise the author's name will do
  // (a macro writes a message to each of up to 100 cases).
  const members =
    handles.length || authorId
      ? await db.membership.findMany({ where: handles.length ? {} : { userId: authorId! }, select: { userId: true, user: { select: { email: true, name: true } } } })
      : [];
  const mentionedIds = resolveMentions(
    handles,
    members.map((m) => ({ userId: m.userId, email: m.user.email })),
  ).filter((id) => id !== authorId);
  if (mentionedIds.length > 0) {
    const actor = currentActor();
    await createNotifications(
      db,
      mentionedIds.map((userId) => ({ userId, type: "mention", caseId: target.id, messageId: message.id, actorId: actor.id, createdAt: now })),
    );
  }
  // A reply to the customer lands in the inbox of everyone following the case, but its author and
  // those it mentions (who have their mention).
  if (input.kind === "PUBLIC_REPLY") {
    const followers = await db.caseFollower.findMany({ where: { caseId: target.id }, select: { userId: true } });
    const told = new Set([...(authorId ? [authorId] : []), ...mentionedIds]);
    await createNotifications(
      db,
      followers
        .filter((f) => !told.has(f.userId))
        .map((f) => ({ userId: f.userId, type: "reply", caseId: target.id, messageId: message.id, actorId: currentActor().id, createdAt: now })),
    );
  }
  emitEvents({ kind: "case.message_added", entityId: target.id, data: { messageId: message.id, messageKind: input.kind } });
  // A chat's visitor who has gone gets the answer by mail, unless they read it in the chat first.
  if (input.kind === "PUBLIC_REPLY" && target.channel === "CHAT") await scheduleChatReplyMail(db, target.id);
  // A long thread's summary follows it (a minute after the last of a burst of messages).
  await requestCaseSummary(db, target.id);
  await addFollowers(db, target.id, [...(authorId ? [authorId] : []), ...mentionedIds]);
  await recordAudit(db, {
    action: "case.message_added",
    targetType: "case",
    targetId: target.id,
    diff: { messageId: message.id, kind: input.kind, mentions: mentionedIds.length, ...(attachments.length ? { attachments: attachments.length } : {}) },
  });
  const names = new Map(members.map((m) => [m.userId, m.user.name]));
  return {
    message: messageItem(message, authorId ? (names.get(authorId) ?? null) : null, attachments),
    mentioned: mentionedIds.map((id) => ({ id, name: names.get(id) ?? "" })),
  };
}

/** How many unseen replies a collision names (the client shows them from the timeline). */
const MAX_UNSEEN = 20;

/**
 * Refuses a message written without knowledge of a public reply someone else sent (or a customer
 * wrote) after `seenUpTo`: two agents must not answer the same customer unawares. The author
 * decides (send anyway, edit, discard); their draft stays in the composer.
 */
async function refuseUnseenReplies(db: TenantDb, caseId: string, authorId: string | null, seenUpTo: string | null): Promise<void> {
  let after: { createdAt: Date; id: string } | null = null;
  if (seenUpTo) {
    after = await db.caseMessage.findFirst({ where: { id: seenUpTo, caseId }, select: { createdAt: true, id: true } });
    // Another case's message, another tenant's, or none: not found, like any id out of reach.
    if (!after) throw notFound("Message");
  }
  const unseen = await db.caseMessage.findMany({
    where: {
      caseId,
      kind: "PUBLIC_REPLY",
      ...(authorId ? { NOT: { authorType: "MEMBER", authorId } } : {}),
      ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_UNSEEN,
    select: { id: true },
  });
  if (unseen.length > 0) {
    throw new AppError("CONFLICT", unseen.length === 1 ? "A new reply arrived while you were writing" : `${unseen.length} new replies arrived while you were writing`, {
      reason: "NEW_REPLIES",
      messageIds: unseen.map((m) => m.id),
    });
  }
}
