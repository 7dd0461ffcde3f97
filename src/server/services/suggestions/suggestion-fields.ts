// The fields a triage suggests. Applicable ones change the case when accepted (or by themselves
// above the tenant's confidence); the others are shown for information.
import { z } from "zod";

export const APPLICABLE_FIELDS = ["category", "businessUnit", "priority", "tags"] as const;
export const INFO_FIELDS = ["language", "sentiment", "summary"] as const;
export type ApplicableField = (typeof APPLICABLE_FIELDS)[number];
export type SuggestionField = ApplicableField | (typeof INFO_FIELDS)[number];

export const isApplicable = (field: string): field is ApplicableField => (APPLICABLE_FIELDS as readonly string[]).includes(field);

export const suggestionOutput = z.object({
  id: z.uuid(),
  field: z.enum([...APPLICABLE_FIELDS, ...INFO_FIELDS]),
  /** A string, or a list of tags. */
  value: z.union([z.string(), z.array(z.string())]),
  reason: z.string(),
  confidence: z.number(),
  status: z.enum(["PENDING", "ACCEPTED", "DISMISSED", "APPLIED"]),
  applicable: z.boolean(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type SuggestionView = z.infer<typeof suggestionOutput>;
