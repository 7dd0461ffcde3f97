// The learned triage model over the API: what a form asks about a case being written, and what a
// model says about itself (the AI settings show it to admins).
import { z } from "zod";
import { text } from "./text";

/** The first part of a description says what a case is about; the rest would only lengthen the URL. */
export const LEARNED_DESCRIPTION_CHARS = 1000;

export const learnedTriageInput = z.object({
  title: text().trim().max(200, { message: "Use at most 200 characters" }).default(""),
  description: text().trim().max(LEARNED_DESCRIPTION_CHARS, { message: `Send at most the first ${LEARNED_DESCRIPTION_CHARS.toLocaleString("en-US")} characters` }).default(""),
});

export const triageFieldSchema = z.enum(["category", "businessUnit", "priority"]);

export const learnedSuggestionOutput = z.object({
  field: triageFieldSchema,
  value: z.string(),
  /** How often the model was right on held-out cases it was this sure of (0–1). */
  confidence: z.number(),
  /** Share of its held-out cases the model predicted right; null when it held none out. */
  accuracy: z.number().nullable(),
  examples: z.number().int(),
});

export const triageModelOutput = z.object({
  field: triageFieldSchema,
  trainedAt: z.date(),
  language: z.string(),
  examples: z.number().int(),
  heldOut: z.number().int(),
  accuracy: z.number().nullable(),
  vocabulary: z.number().int(),
  values: z.array(z.object({ value: z.string(), cases: z.number().int() })),
  calibration: z.array(z.object({ atLeast: z.number(), share: z.number(), cases: z.number().int(), accuracy: z.number().nullable() })),
});
export type TriageModelView = z.infer<typeof triageModelOutput>;
