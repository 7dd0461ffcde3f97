// Announcements posted by the feed's managers, and changes to any item. The system's items keep
// their content (it describes an event) but may be pinned, lowered or given another expiry. Every
// reference is checked against the tenant (feed-audience.ts); each write is audited and tells
// open pages.
import type { z } from "zod";
import type { createFeedItemSchema, updateFeedItemSchema } from "@/lib/validations/feed";
import { recordAudit } from "@/server/audit";
import type { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId, tenantKey } from "@/server/db/tenant-scope";
import { AppError } from "@/server/errors/app-error";
import { checkAudience } from "./feed-audience";
import { feedChanged } from "./feed-realtime";
import { feedItemSelect, type FeedItemOutput } from "./feed-select";
import { loadFeedItemForManager, readFeedItemForWrite, updateFeedItemAtVersion } from "./feed-version";

/** `authorId`: the member posting (for an API key, the member it acts for; null for an operator's key). */
export async function createAnnouncement(db: TenantDb, authorId: string | null, input: z.output<typeof createFeedItemSchema>): Promise<FeedItemOutput> {
  const audienceValue = await checkAudience(db, input.audienceKind, input.audienceValue);
  const item = await db.feedItem.create({
    data: {
      tenantId: requireTenantId(),
      kind: "ANNOUNCEMENT",
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      priority: input.priority,
      audienceKind: input.audienceKind,
      audienceValue,
      authorId,
      expiresAt: input.expiresAt ?? null,
    },
    select: feedItemSelect,
  });
  await recordAudit(db, {
    action: "feed_item.created",
    targetType: "feed_item",
    targetId: item.id,
    diff: { title: item.title, priority: item.priority, audienceKind: item.audienceKind, audienceValue, link: item.link, expiresAt: item.expiresAt },
  });
  feedChanged(item.id, "created");
  return item;
}

const EDITABLE = ["title", "body", "link", "priority", "audienceKind", "audienceValue", "expiresAt"] as const;
/** What a system item's editor may change: its place in the feed and how long it stays. */
const SYSTEM_EDITABLE: ReadonlySet<string> = new Set(["priority", "expiresAt"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type UpdateInput = z.output<typeof updateFeedItemSchema>;

/** The audience as the update leaves it: a value alone keeps the kind; another kind alone has no value. */
function wantedAudience(input: UpdateInput, current: FeedItemOutput) {
  if (input.audienceKind === undefined && input.audienceValue === undefined) return {};
  const audienceKind = input.audienceKind ?? current.audienceKind;
  const audienceValue = input.audienceValue !== undefined ? input.audienceValue : audienceKind === current.audienceKind ? current.audienceValue : null;
  return { audienceKind, audienceValue };
}

export async function updateFeedItem(db: TenantDb, input: UpdateInput): Promise<FeedItemOutput> {
  const current = await readFeedItemForWrite(db, input.id, input.version);
  const wanted = { ...input, ...wantedAudience(input, current) };
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const key of EDITABLE) {
    const next = wanted[key];
    if (next === undefined || same(next, current[key])) continue;
    from[key] = current[key];
    to[key] = next;
  }
  const locked = current.kind === "ANNOUNCEMENT" ? [] : Object.keys(to).filter((key) => !SYSTEM_EDITABLE.has(key));
  if (locked.length > 0) {
    const message = "The system posted this item: change only its priority or expiry";
    throw new AppError("BAD_REQUEST", "Some fields are not valid", { reason: "SYSTEM_ITEM", fieldErrors: Object.fromEntries(locked.map((key) => [key, [message]])) });
  }
  if ("audienceKind" in to || "audienceValue" in to) {
    from.audienceValue = current.audienceValue;
    to.audienceValue = await checkAudience(db, wanted.audienceKind!, wanted.audienceValue);
  }
  if (Object.keys(to).length > 0) {
    await updateFeedItemAtVersion(db, input.id, current.version, to as Prisma.FeedItemUncheckedUpdateManyInput);
    await recordAudit(db, { action: "feed_item.updated", targetType: "feed_item", targetId: input.id, diff: { from, to } });
    feedChanged(input.id, "updated");
  }
  return loadFeedItemForManager(db, input.id);
}

export async function deleteFeedItem(db: TenantDb, id: string): Promise<{ id: string }> {
  const current = await loadFeedItemForManager(db, id);
  await db.feedItem.delete({ where: tenantKey(id), select: { id: true } });
  await recordAudit(db, { action: "feed_item.deleted", targetType: "feed_item", targetId: id, diff: { kind: current.kind, title: current.title } });
  feedChanged(id, "deleted");
  return { id };
}
