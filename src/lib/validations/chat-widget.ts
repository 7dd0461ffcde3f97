// The website chat: the tenant's widget settings (members, settings:manage) and what the public
// widget API takes and answers (visitors, who are not members). Shared by the server, the settings
// page and the widget's own page.
import { z } from "zod";
import { attachmentIdsSchema, widgetAttachmentSchema } from "./attachment";
import { optionalText, text } from "./text";

/** A website allowed to embed the widget: scheme, host and port, nothing else (as browsers send Origin). */
export const websiteOrigin = text()
  .trim()
  .max(200, { message: "Use at most 200 characters" })
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a website address such as https://www.example.com" });
      return z.NEVER;
    }
    if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) {
      ctx.addIssue({ code: "custom", message: "Use an http:// or https:// address without a user name" });
      return z.NEVER;
    }
    if (url.pathname !== "/" || url.search || url.hash) {
      ctx.addIssue({ code: "custom", message: `Enter the website only (${url.origin}), without a path` });
      return z.NEVER;
    }
    return url.origin;
  });

export const MAX_ALLOWED_ORIGINS = 20;
export const WIDGET_COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

export const updateChatWidgetSchema = z.object({
  /** Off: the widget shows nothing on any site and its API refuses visitors (a pause for spam). */
  enabled: z.boolean().optional(),
  color: text().trim().regex(WIDGET_COLOR_PATTERN, { message: "Use a colour such as #4f46e5" }).optional(),
  greeting: text().trim().min(1, { message: "Write a greeting" }).max(200, { message: "Use at most 200 characters" }).optional(),
  allowedOrigins: z
    .array(websiteOrigin)
    .max(MAX_ALLOWED_ORIGINS, { message: `At most ${MAX_ALLOWED_ORIGINS} websites` })
    .transform((origins) => [...new Set(origins)])
    .optional(),
});
export type UpdateChatWidgetInput = z.input<typeof updateChatWidgetSchema>;

/** A logo as uploaded: PNG, JPEG, GIF or WebP, at most 512 KB (it is stored re-encoded, a few KB). */
export const MAX_LOGO_BYTES = 512 * 1024;
export const setChatWidgetLogoSchema = z.object({
  /** The image file, base64-encoded. */
  image: text()
    .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4, { message: "Use an image of at most 512 KB" })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "Send the image base64-encoded" }),
});

/** Where a widget's logo is served from, versioned by its last change. */
export const widgetLogoUrl = (publicId: string, updatedAt: Date | null) => (updatedAt ? `/api/widget/v1/${publicId}/logo?v=${updatedAt.getTime().toString(36)}` : null);

/** The widget as settings show it. The secret itself is never read back: only whether one is set. */
export const chatWidgetSettingsSchema = z.object({
  publicId: z.string(),
  enabled: z.boolean(),
  color: z.string(),
  greeting: z.string(),
  allowedOrigins: z.array(z.string()),
  hasSecret: z.boolean(),
  secretRotatedAt: z.date().nullable(),
  /** The logo in the widget's header (public, cacheable: its address changes with it). */
  logoUrl: z.string().nullable(),
});
export type ChatWidgetSettings = z.infer<typeof chatWidgetSettingsSchema>;

// ---- The public widget API (visitors) ----

/** The widget's public id, as the embed snippet names it. */
export const widgetIdSchema = text().regex(/^w_[A-Za-z0-9_-]{16,40}$/, { message: "Not a widget id" });

/** How long a host site's identity signature is accepted after `issuedAt` (replays after it are refused). */
export const IDENTITY_MAX_AGE_SECONDS = 10 * 60;

/**
 * A visitor the host site vouches for: `signature` is hex HMAC-SHA256, under the widget's secret,
 * of `${userId}\n${email}\n${name}\n${issuedAt}` (empty strings for what is not given), computed on
 * the host's server. Verified, it attaches the chat to the customer with this external id (or
 * e-mail); anything else is an anonymous visitor, whatever it claims.
 */
export const widgetIdentitySchema = z.object({
  userId: text().trim().min(1).max(200),
  email: z.email({ message: "Enter an e-mail address" }).max(254).optional(),
  name: optionalText(120),
  /** Unix seconds when the host signed it. */
  issuedAt: z.number().int().positive(),
  signature: text().regex(/^[0-9a-f]{64}$/i, { message: "The signature is 64 hex digits (HMAC-SHA256)" }),
});
export type WidgetIdentity = z.infer<typeof widgetIdentitySchema>;

export const widgetSessionSchema = z.object({
  widgetId: widgetIdSchema,
  identity: widgetIdentitySchema.optional(),
});

export const MAX_VISITOR_MESSAGE = 5_000;

export const widgetSendSchema = z.object({
  widgetId: widgetIdSchema,
  /** May be empty when the message carries files. */
  body: text().trim().max(MAX_VISITOR_MESSAGE, { message: `Use at most ${MAX_VISITOR_MESSAGE.toLocaleString("en")} characters` }),
  /** Files uploaded first with POST …/attachments, sent with this message. */
  attachmentIds: attachmentIdsSchema.default([]),
  /** Asked when nobody is online (outside business hours), so the answer can go by mail. */
  email: z.email({ message: "Enter an e-mail address" }).max(254).optional(),
  name: optionalText(120),
}).refine((v) => v.body.length > 0 || v.attachmentIds.length > 0, { message: "Write a message", path: ["body"] });

export const widgetOnlySchema = z.object({ widgetId: widgetIdSchema });
export const widgetTypingSchema = z.object({ widgetId: widgetIdSchema, typing: z.boolean() });
export const widgetReadSchema = z.object({ widgetId: widgetIdSchema, upTo: z.uuid() });

export const widgetConfigSchema = z.object({
  name: z.string(),
  color: z.string(),
  /** The tenant's logo for the header; null: the tenant's initial is shown. */
  logoUrl: z.string().nullable(),
  /** The largest file a visitor may attach, in bytes (checked before uploading). */
  maxFileBytes: z.number(),
  greeting: z.string(),
  /** Within the tenant's business hours now. */
  open: z.boolean(),
  /** When the team is next in (ISO 8601), outside business hours. */
  nextOpenAt: z.string().nullable(),
  timeZone: z.string(),
});
export type WidgetConfig = z.infer<typeof widgetConfigSchema>;

export const widgetVisitorSchema = z.object({
  name: z.string().nullable(),
  /** Known from a verified identity or given by the visitor; shown to them, never to anyone else. */
  email: z.string().nullable(),
  verified: z.boolean(),
});

export const widgetSessionAnswerSchema = z.object({
  /** Sent back as the `x-visitor-token` header (also set as a cookie for the widget's page). */
  visitorToken: z.string(),
  visitor: widgetVisitorSchema,
});

export const widgetMessageSchema = z.object({
  id: z.string(),
  from: z.enum(["visitor", "agent"]),
  /** The agent's first name; null for the visitor's own messages. */
  authorName: z.string().nullable(),
  body: z.string(),
  at: z.string(),
  attachments: z.array(widgetAttachmentSchema),
});
export type WidgetMessage = z.infer<typeof widgetMessageSchema>;

export const widgetConversationSchema = z.object({
  /** Null until the visitor's first message. */
  caseNumber: z.number().nullable(),
  messages: z.array(widgetMessageSchema),
  /** The newest message of the visitor's an agent has seen, for "Seen". */
  seenByAgentUpTo: z.string().nullable(),
});
export type WidgetConversation = z.infer<typeof widgetConversationSchema>;

/** What the widget's event stream sends (`GET /api/widget/v1/{widgetId}/events`, text/event-stream). */
export type WidgetStreamEvent =
  | { type: "message"; message: WidgetMessage }
  | { type: "typing"; agents: string[] }
  | { type: "seen"; upTo: string };
