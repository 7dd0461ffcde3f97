import { z } from "zod";
import { addCaseMessageFields, messageHasContent, caseMessageKindSchema, casePrioritySchema, tagSchema } from "./case";
import { placeholderText } from "./canned-response";
import { optionalText, text } from "./text";
import { MACRO_APPLY_LIMIT, MACRO_STATUSES } from "@/lib/macro-fields";

export { MACRO_APPLY_LIMIT, MACRO_STATUSES } from "@/lib/macro-fields";

/** What a macro does, in this order: the reply or note first, then the case's fields. */
export const macroActionsSchema = z
  .object({
    /** A reply to the customer or an internal note, with placeholders filled per case. */
    reply: z.object({ kind: caseMessageKindSchema.default("PUBLIC_REPLY"), body: placeholderText("Write the reply") }).optional(),
    status: z.enum(MACRO_STATUSES).optional(),
    priority: casePrioritySchema.optional(),
    addTags: z.array(tagSchema).max(20).optional(),
    removeTags: z.array(tagSchema).max(20).optional(),
    /** A team's id, or null to take the case out of its team. */
    teamId: z.uuid().nullable().optional(),
    /** A member's id, "me" (whoever applies the macro), or null to unassign. */
    assigneeId: z.union([z.uuid(), z.literal("me"), z.null()]).optional(),
  })
  .refine(
    (a) => a.reply || a.status || a.priority || a.addTags?.length || a.removeTags?.length || a.teamId !== undefined || a.assigneeId !== undefined,
    { message: "Choose at least one action", path: ["_form"] },
  );
export type MacroActions = z.output<typeof macroActionsSchema>;
export type MacroActionsInput = z.input<typeof macroActionsSchema>;

const name = text().trim().min(1, { message: "Name the macro" }).max(80, { message: "Use at most 80 characters" });

export const createMacroSchema = z.object({
  name,
  actions: macroActionsSchema,
  /** Shared macros are offered to every member; only admins create and change them. */
  shared: z.boolean().default(false),
});
export type CreateMacroInput = z.input<typeof createMacroSchema>;

export const updateMacroSchema = z.object({ id: z.uuid(), name: name.optional(), actions: macroActionsSchema.optional(), shared: z.boolean().optional() });
export type UpdateMacroInput = z.input<typeof updateMacroSchema>;

export const listMacrosSchema = z.object({ q: optionalText(80) });


export const applyMacroSchema = z
  .object({
    id: z.uuid(),
    caseIds: z
      .array(z.uuid())
      .min(1, { message: "Choose at least one case" })
      .max(MACRO_APPLY_LIMIT, { message: `Apply a macro to at most ${MACRO_APPLY_LIMIT} cases at once` }),
    /**
     * The composer's message, sent instead of the macro's reply: the macro filled the composer and
     * the member edited it. Only with one case; the collision check applies as for any message.
     */
    message: addCaseMessageFields.omit({ caseId: true }).refine(messageHasContent, { message: "Write something first", path: ["body"] }).optional(),
  })
  .refine((v) => !v.message || v.caseIds.length === 1, { message: "A composed message goes to one case", path: ["message"] });
export type ApplyMacroInput = z.input<typeof applyMacroSchema>;
