// Case schemas shared by forms (react-hook-form resolver) and procedures.
import { z } from "zod";
import { attachmentIdsSchema } from "./attachment";
import { dateInput } from "./date";
import { text } from "./text";

import { CASE_CHANNELS, CASE_MESSAGE_KINDS, CASE_PRIORITIES, CASE_STATUSES } from "@/lib/case-fields";

export { CASE_CHANNELS, CASE_MESSAGE_KINDS, CASE_PRIORITIES, CASE_STATUSES, type CaseChannel, type CasePriority, type CaseStatus } from "@/lib/case-fields";

export const caseStatusSchema = z.enum(CASE_STATUSES);
export const casePrioritySchema = z.enum(CASE_PRIORITIES);
export const caseChannelSchema = z.enum(CASE_CHANNELS);

export const tagSchema = text()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .normalize("NFC")
  // Letters of any script (é, ß, 東京), digits, spaces, - and _.
  .regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N} _-]*$/u, { message: "Tags use letters, digits, spaces, - and _" });

const titleSchema = text().trim().min(3, { message: "Use at least 3 characters" }).max(200, { message: "Use at most 200 characters" });
const descriptionSchema = text().trim().max(20_000, { message: "Use at most 20,000 characters" });
/** A value from the tenant's settings (caseCategories, businessUnits); the server checks membership. */
const settingValueSchema = text().trim().min(1).max(60);
const tagsSchema = z.array(tagSchema).max(20);

export const createCaseSchema = z.object({
  title: titleSchema,
  description: descriptionSchema.default(""),
  channel: caseChannelSchema.default("WEB"),
  priority: casePrioritySchema.default("NORMAL"),
  tags: tagsSchema.default([]),
  customerId: z.uuid().nullish(),
  category: settingValueSchema.nullish(),
  businessUnit: settingValueSchema.nullish(),
  /** A team of the tenant; left out, the team whose default channel is the case's channel, if any. */
  teamId: z.uuid().nullish(),
  /** A member who works cases (not a viewer); left out, the team's round-robin or the tenant's default assignee. */
  assigneeId: z.uuid().nullish(),
  /** Files uploaded first (POST /api/attachments): they arrive as the case's first internal note. */
  attachmentIds: attachmentIdsSchema.optional(),
});
export type CreateCaseInput = z.input<typeof createCaseSchema>;

/** An edit of the case's fields. `version` is the one the editor read: a stale one is a CONFLICT. */
export const updateCaseSchema = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  title: titleSchema.optional(),
  description: descriptionSchema.optional(),
  priority: casePrioritySchema.optional(),
  category: settingValueSchema.nullable().optional(),
  businessUnit: settingValueSchema.nullable().optional(),
  tags: tagsSchema.optional(),
  customerId: z.uuid().nullable().optional(),
});
export type UpdateCaseInput = z.input<typeof updateCaseSchema>;

export const transitionCaseSchema = z
  .object({
    id: z.uuid(),
    to: caseStatusSchema,
    /** Required for SNOOZED: when the case wants attention again. */
    until: dateInput().optional(),
    /** When given, a stale version is a CONFLICT; without it the transition applies to the current state. */
    version: z.number().int().min(1).optional(),
    /**
     * Undo: takes back the case's last status change. `to` is the status it changed from (with
     * `until` when that was SNOOZED) and `version` the version the change left; that one step back
     * is allowed whatever the status machine says. A CONFLICT when anything changed since.
     */
    revert: z.boolean().optional(),
  })
  .refine((v) => v.to !== "SNOOZED" || v.until !== undefined, { message: "Choose until when to snooze", path: ["until"] })
  .refine((v) => !v.revert || v.version !== undefined, { message: "An undo names the version it takes back", path: ["version"] });
export type TransitionCaseInput = z.input<typeof transitionCaseSchema>;

export const caseMessageKindSchema = z.enum(CASE_MESSAGE_KINDS);

export const addCaseMessageFields = z.object({
  caseId: z.uuid(),
  kind: caseMessageKindSchema,
  /** Markdown, rendered safely (src/components/markdown/safe-markdown.tsx: no raw HTML, no images). `@handle` mentions a member. */
  body: text().trim().max(50_000, { message: "Use at most 50,000 characters" }),
  /** Files uploaded first (POST /api/attachments), sent with this message; the body may then be empty. */
  attachmentIds: attachmentIdsSchema.default([]),
  /**
   * Collision check: the newest message of the case the author had seen when they began writing
   * (null: the conversation was empty). When a public reply by someone else has arrived since, the
   * message is refused with CONFLICT / NEW_REPLIES unless `sendAnyway` is set. Left out: no check.
   */
  seenUpTo: z.uuid().nullable().optional(),
  sendAnyway: z.boolean().optional(),
});
/** A message says something or carries files (or both). */
export const messageHasContent = (v: { body: string; attachmentIds: string[] }) => v.body.length > 0 || v.attachmentIds.length > 0;
export const addCaseMessageSchema = addCaseMessageFields.refine(messageHasContent, { message: "Write something first", path: ["body"] });
export type AddCaseMessageInput = z.input<typeof addCaseMessageSchema>;

export const caseNumberSchema = z.coerce.number().int().positive().max(2_147_483_647);
