// What a feed item looks like to callers: its fields, its author's name beside the id, and its
// audience, so a manager (who reads every item) can tell whom each one is for.
import { z } from "zod";
import { feedAudienceKindSchema, feedItemKindSchema, feedPrioritySchema } from "@/lib/validations/feed";
import type { Prisma } from "@/server/db/generated/client";

export const feedItemSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  priority: true,
  audienceKind: true,
  audienceValue: true,
  expiresAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.FeedItemSelect;
export type FeedItemRow = Prisma.FeedItemGetPayload<{ select: typeof feedItemSelect }>;

export const feedItemOutput = z.object({
  id: z.string(),
  /** ANNOUNCEMENT: posted by a member; every other kind is posted by the system. */
  kind: feedItemKindSchema,
  title: z.string(),
  /** Markdown source, as written: render it safely (no raw HTML). */
  body: z.string(),
  /** An in-app path relative to the tenant's root ("/alerts?alert=…"): prefix it with /t/<slug>. */
  link: z.string().nullable(),
  priority: feedPrioritySchema,
  audienceKind: feedAudienceKindSchema,
  /** The business unit, team id or role the item is for; null for everyone. */
  audienceValue: z.string().nullable(),
  /** Null for the system's items. */
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
  expiresAt: z.date().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type FeedItemOutput = z.infer<typeof feedItemOutput>;
