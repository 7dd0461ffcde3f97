import { z } from "zod";
import { text } from "./text";
import { caseListQuerySchema } from "./case-filters";

const viewName = text().trim().min(1, { message: "Name the view" }).max(80, { message: "Use at most 80 characters" });

export const createSavedViewSchema = z.object({
  name: viewName,
  filters: caseListQuerySchema,
  /** Shared views appear for every member of the tenant. */
  shared: z.boolean().default(false),
});
/** The name-and-sharing form of a saved view (save and rename). */
export const savedViewNameSchema = createSavedViewSchema.pick({ name: true, shared: true });
export type CreateSavedViewInput = z.input<typeof createSavedViewSchema>;

export const updateSavedViewSchema = z.object({
  id: z.uuid(),
  name: viewName.optional(),
  filters: caseListQuerySchema.optional(),
  shared: z.boolean().optional(),
});
export type UpdateSavedViewInput = z.input<typeof updateSavedViewSchema>;
