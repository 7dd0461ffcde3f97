// Case schemas shared by forms (react-hook-form resolver) and procedures.
import { z } from "zod";

export const CASE_STATUSES = ["NEW", "OPEN", "PENDING", "SNOOZED", "RESOLVED", "CLOSED"] as const;
export const CASE_PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export const CASE_CHANNELS = ["EMAIL", "CHAT", "PHONE", "WEB", "SOCIAL", "API"] as const;

export const caseStatusSchema = z.enum(CASE_STATUSES);
export const casePrioritySchema = z.enum(CASE_PRIORITIES);
export const caseChannelSchema = z.enum(CASE_CHANNELS);

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9 _-]*$/, { message: "Tags use letters, digits, spaces, - and _" });

export const createCaseSchema = z.object({
  title: z.string().trim().min(3, { message: "Use at least 3 characters" }).max(200, { message: "Use at most 200 characters" }),
  description: z.string().trim().max(20_000, { message: "Use at most 20,000 characters" }).default(""),
  channel: caseChannelSchema.default("WEB"),
  priority: casePrioritySchema.default("NORMAL"),
  tags: z.array(tagSchema).max(20).default([]),
});
export type CreateCaseInput = z.input<typeof createCaseSchema>;

export const caseNumberSchema = z.coerce.number().int().positive().max(2_147_483_647);
