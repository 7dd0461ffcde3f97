import { z } from "zod";
import { CANNED_PLACEHOLDERS, unknownPlaceholders } from "@/lib/canned-placeholders";
import { optionalText, text } from "./text";

const title = text().trim().min(1, { message: "Name the response" }).max(80, { message: "Use at most 80 characters" });

const known = Object.keys(CANNED_PLACEHOLDERS)
  .map((name) => `{{${name}}}`)
  .join(", ");

/** A reply text with placeholders: an unknown one is refused with the list of the known ones. */
export const placeholderText = (empty: string) =>
  text()
    .trim()
    .min(1, { message: empty })
    .max(10_000, { message: "Use at most 10,000 characters" })
    .superRefine((value, ctx) => {
      const unknown = unknownPlaceholders(value);
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          message: `Unknown placeholder ${unknown.map((n) => `{{${n}}}`).join(", ")}: use ${known}`,
        });
      }
    });

const body = placeholderText("Write the response");

export const createCannedResponseSchema = z.object({
  title,
  body,
  /** Shared responses appear in every member's composer; only admins create and change them. */
  shared: z.boolean().default(false),
});
export type CreateCannedResponseInput = z.input<typeof createCannedResponseSchema>;

export const updateCannedResponseSchema = z.object({
  id: z.uuid(),
  title: title.optional(),
  body: body.optional(),
  shared: z.boolean().optional(),
});
export type UpdateCannedResponseInput = z.input<typeof updateCannedResponseSchema>;

export const listCannedResponsesSchema = z.object({
  /** Matches the title or the text (the composer's `/` search). */
  q: optionalText(80),
});

export const renderCannedResponseSchema = z.object({ id: z.uuid(), caseId: z.uuid() });
