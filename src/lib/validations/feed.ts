// Feed schemas shared by the feed procedures (and the feed's forms to come). Teams and business
// units are the tenant's own, so the server checks those against the tenant; here only shapes.
import { z } from "zod";
import { dateInput } from "./date";
import { text } from "./text";

export const FEED_ITEM_KINDS = [
  "ANNOUNCEMENT",
  "ALERT_FIRED",
  "ALERT_RESOLVED",
  "SLA_BREACH_WAVE",
  "IMPORT_FINISHED",
  "TRENDING_SURGE",
  "NEW_MEMBER",
  "ESCALATION",
  "AI_PAUSED",
] as const;
/** Lowest first, as the database enum is declared (its order is the list's order). */
export const FEED_PRIORITIES = ["LOW", "NORMAL", "HIGH", "PINNED"] as const;
export const FEED_AUDIENCE_KINDS = ["EVERYONE", "BUSINESS_UNIT", "TEAM", "ROLE"] as const;
export const FEED_ROLES = ["OWNER", "ADMIN", "AGENT", "VIEWER"] as const;

export const feedItemKindSchema = z.enum(FEED_ITEM_KINDS);
export const feedPrioritySchema = z.enum(FEED_PRIORITIES);
export const feedAudienceKindSchema = z.enum(FEED_AUDIENCE_KINDS);
export type FeedItemKind = z.infer<typeof feedItemKindSchema>;
export type FeedPriority = z.infer<typeof feedPrioritySchema>;
export type FeedAudienceKind = z.infer<typeof feedAudienceKindSchema>;

/**
 * How long the system's items stay: a week. The feed tells what happened lately; past that the
 * alert, the import or the cases themselves hold the story, and the hourly purge keeps the table
 * to about a week of events.
 */
export const SYSTEM_ITEM_TTL_MS = 7 * 24 * 60 * 60_000;

export const FEED_TITLE_MAX = 200;
export const FEED_BODY_MAX = 5000;
export const FEED_LINK_MAX = 500;
/** A business unit's name, a team's id or a role's name. */
export const FEED_AUDIENCE_VALUE_MAX = 60;

/** Controls, whitespace and backslashes: browsers drop or rewrite them, which can turn "/\t/x" into "//x". */
const UNSAFE_IN_LINK = /[\u0000-\u0020\u007F-\u009F\\]/;
const ORIGIN = "https://caseboard.invalid";

/**
 * An in-app path relative to the tenant's root ("/cases?status=OPEN"): one leading "/" and not
 * "//" (another host, protocol-relative) nor "/\" (which browsers read as "//"), no scheme, and
 * nothing a browser would rewrite. Links are followed by members, so one that leaves the app
 * would be an open redirect. The URL parser has the last word: the path must stay on our origin.
 */
export function isInAppPath(value: string): boolean {
  if (!value.startsWith("/") || value.startsWith("//") || UNSAFE_IN_LINK.test(value)) return false;
  try {
    return new URL(value, ORIGIN).origin === ORIGIN;
  } catch {
    return false;
  }
}

const IN_APP_PATH_MESSAGE = 'Use a path inside the app that starts with a single "/", like /cases?status=OPEN';

export const feedLinkSchema = text()
  .trim()
  .max(FEED_LINK_MAX, { message: `Use at most ${FEED_LINK_MAX} characters` })
  .refine(isInAppPath, { message: IN_APP_PATH_MESSAGE });

const feedTitle = text().trim().min(3, { message: "Use at least 3 characters" }).max(FEED_TITLE_MAX, { message: `Use at most ${FEED_TITLE_MAX} characters` });
/** Markdown source, kept as written (the UI renders it safely). */
const feedBody = text().max(FEED_BODY_MAX, { message: `Use at most ${FEED_BODY_MAX} characters` });
/** Checked when parsed: an item that expires in the past would never be shown. */
const feedExpiresAt = dateInput().refine((at) => at.getTime() > Date.now(), { message: "Choose a time in the future" });
const audienceValue = text().trim().min(1).max(FEED_AUDIENCE_VALUE_MAX);
/** The version the caller read; a stale one is a CONFLICT (optional: scripts may not care). */
const version = z.number().int().min(1).optional();

/** What is wrong with an audience's value for its kind, as the field error; null when it fits. */
export function audienceValueProblem(kind: FeedAudienceKind, value: string | null | undefined): string | null {
  switch (kind) {
    case "EVERYONE":
      return value ? "Leave empty when the item is for everyone" : null;
    case "BUSINESS_UNIT":
      return value ? null : "Choose a business unit";
    case "TEAM":
      return value && z.uuid().safeParse(value).success ? null : "Choose a team";
    case "ROLE":
      return value && (FEED_ROLES as readonly string[]).includes(value) ? null : `Choose one of: ${FEED_ROLES.join(", ")}`;
  }
}

export const createFeedItemSchema = z
  .object({
    title: feedTitle,
    body: feedBody.default(""),
    link: feedLinkSchema.nullish(),
    priority: feedPrioritySchema.default("NORMAL"),
    audienceKind: feedAudienceKindSchema.default("EVERYONE"),
    /** BUSINESS_UNIT: a unit of the tenant's settings; TEAM: a team's id; ROLE: a role (and those above it). */
    audienceValue: audienceValue.nullish(),
    /** Null or absent: the item stays until deleted. */
    expiresAt: feedExpiresAt.nullish(),
  })
  .superRefine((input, ctx) => {
    const problem = audienceValueProblem(input.audienceKind, input.audienceValue);
    if (problem) ctx.addIssue({ code: "custom", path: ["audienceValue"], message: problem });
  });
export type CreateFeedItemInput = z.input<typeof createFeedItemSchema>;

/**
 * Each field optional; null clears link and expiresAt. An audience kind without a value keeps no
 * value (EVERYONE) or is refused; a value alone applies to the item's current kind (the server
 * checks the pair as it will be).
 */
export const updateFeedItemSchema = z.object({
  id: z.uuid(),
  version,
  title: feedTitle.optional(),
  body: feedBody.optional(),
  link: feedLinkSchema.nullable().optional(),
  priority: feedPrioritySchema.optional(),
  audienceKind: feedAudienceKindSchema.optional(),
  audienceValue: audienceValue.nullable().optional(),
  expiresAt: feedExpiresAt.nullable().optional(),
});
export type UpdateFeedItemInput = z.input<typeof updateFeedItemSchema>;

export const feedListFilterSchema = z.object({
  kind: z.array(feedItemKindSchema).max(FEED_ITEM_KINDS.length).optional(),
  audienceKind: feedAudienceKindSchema.optional(),
});
export type FeedListFilter = z.output<typeof feedListFilterSchema>;
