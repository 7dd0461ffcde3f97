// The case timeline: messages and events in one stream, ordered by (createdAt, id), cursor-paged.
// Each page reads at most limit + 1 rows from each table from the cursor on and merges them, so
// a page costs two index range scans however long the case's history is.
import { z } from "zod";
import type { TenantDb } from "@/server/db/tenant-db";
import { notFound } from "@/server/errors/app-error";
import { caseMessageKindSchema } from "@/lib/validations/case";
import { text } from "@/lib/validations/text";
import { attachmentSchema, type AttachmentView } from "@/lib/validations/attachment";
import { attachmentsByMessage } from "@/server/services/attachments/views";
import { decodeCursor, encodeCursor } from "@/server/services/pagination/cursor";
import { cursorKey } from "@/server/services/pagination/cursor-keys";

const author = z.object({ type: z.enum(["MEMBER", "CUSTOMER", "SYSTEM"]), id: z.string().nullable(), name: z.string().nullable() });

export const timelineItemOutput = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message"),
    id: z.string(),
    createdAt: z.date(),
    kind: caseMessageKindSchema,
    author,
    body: z.string(),
    attachments: z.array(attachmentSchema),
  }),
  z.object({
    type: z.literal("event"),
    id: z.string(),
    createdAt: z.date(),
    event: z.string(),
    actor: z.object({ type: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
    from: z.unknown(),
    to: z.unknown(),
  }),
]);
export type TimelineItem = z.infer<typeof timelineItemOutput>;

export const timelineInput = z.object({
  caseId: z.uuid(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: text().max(500).nullish(),
  /** asc: oldest first, as a conversation reads; desc: newest first. */
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const timelineOutput = z.object({ items: z.array(timelineItemOutput), nextCursor: z.string().nullable() });

const cursorShape = z.object({ at: cursorKey.timestamp, id: cursorKey.uuid });

interface MessageRow {
  id: string;
  createdAt: Date;
  kind: "PUBLIC_REPLY" | "INTERNAL_NOTE";
  authorType: "MEMBER" | "CUSTOMER" | "SYSTEM";
  authorId: string | null;
  body: string;
}

/** Names of the people behind messages and events: members (users) and customers. */
async function nameLookup(db: TenantDb, userIds: string[], customerIds: string[]) {
  const [users, customers] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    customerIds.length ? db.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, name: true } }) : [],
  ]);
  return {
    user: new Map(users.map((u) => [u.id, u.name])),
    customer: new Map(customers.map((c) => [c.id, c.name])),
  };
}

export function messageItem(m: MessageRow, name: string | null, attachments: AttachmentView[] = []): TimelineItem {
  return {
    type: "message",
    id: m.id,
    createdAt: m.createdAt,
    kind: m.kind,
    author: { type: m.authorType, id: m.authorId, name },
    body: m.body,
    attachments,
  };
}

export async function caseTimeline(db: TenantDb, input: z.output<typeof timelineInput>) {
  const found = await db.case.findFirst({ where: { id: input.caseId }, select: { id: true } });
  if (!found) throw notFound("Case");
  const after = input.cursor ? decodeCursor(input.cursor, cursorShape) : null;
  const cmp = input.order === "asc" ? "gt" : "lt";
  // (createdAt, id) beyond the cursor, written as Prisma filters: later time, or same time and later id.
  const keyset = after
    ? { OR: [{ createdAt: { [cmp]: new Date(after.at) } }, { createdAt: new Date(after.at), id: { [cmp]: after.id } }] }
    : {};
  const orderBy = [{ createdAt: input.order }, { id: input.order }];
  const take = input.limit + 1;
  const [messages, events] = await Promise.all([
    db.caseMessage.findMany({
      where: { caseId: input.caseId, ...keyset },
      select: { id: true, createdAt: true, kind: true, authorType: true, authorId: true, body: true },
      orderBy,
      take,
    }),
    db.caseEvent.findMany({
      where: { caseId: input.caseId, ...keyset },
      select: { id: true, createdAt: true, type: true, actorType: true, actorId: true, from: true, to: true },
      orderBy,
      take,
    }),
  ]);
  const merged = [
    ...messages.map((m) => ({ kind: "message" as const, row: m })),
    ...events.map((e) => ({ kind: "event" as const, row: e })),
  ].sort((a, b) => {
    const d = a.row.createdAt.getTime() - b.row.createdAt.getTime() || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
    return input.order === "asc" ? d : -d;
  });
  const page = merged.slice(0, input.limit);
  const userIds = new Set<string>();
  const customerIds = new Set<string>();
  for (const item of page) {
    if (item.kind === "message" && item.row.authorId) (item.row.authorType === "CUSTOMER" ? customerIds : userIds).add(item.row.authorId);
    if (item.kind === "event" && item.row.actorType === "user" && item.row.actorId) userIds.add(item.row.actorId);
  }
  const [names, attachments] = await Promise.all([
    nameLookup(db, [...userIds], [...customerIds]),
    attachmentsByMessage(db, page.flatMap((item) => (item.kind === "message" ? [item.row.id] : []))),
  ]);
  const items: TimelineItem[] = page.map((item) => {
    if (item.kind === "message") {
      const m = item.row;
      const name = m.authorId ? ((m.authorType === "CUSTOMER" ? names.customer : names.user).get(m.authorId) ?? null) : null;
      return messageItem(m, name, attachments.get(m.id));
    }
    const e = item.row;
    return {
      type: "event",
      id: e.id,
      createdAt: e.createdAt,
      event: e.type,
      actor: { type: e.actorType, id: e.actorId, name: e.actorType === "user" && e.actorId ? (names.user.get(e.actorId) ?? null) : null },
      from: e.from,
      to: e.to,
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: merged.length > input.limit && last ? encodeCursor({ at: last.row.createdAt.toISOString(), id: last.row.id }) : null,
  };
}
