// How a member likes the cases list shown: row density, which optional columns, and the preview
// pane beside the list. Shared by the procedures that store it and the list that applies it.
import { z } from "zod";
import { LIST_COLUMNS } from "@/lib/case-fields";

export { LIST_COLUMNS, type ListColumn } from "@/lib/case-fields";

export const listDisplaySchema = z.object({
  density: z.enum(["comfortable", "compact"]).default("comfortable"),
  /** The optional columns shown, in the list's own order (#, title and status always show). */
  columns: z
    .array(z.enum(LIST_COLUMNS))
    .max(LIST_COLUMNS.length)
    .default([...LIST_COLUMNS])
    .transform((cols) => LIST_COLUMNS.filter((c) => cols.includes(c)))
    .pipe(z.array(z.enum(LIST_COLUMNS))),
  /** The focused case open beside the list (wide screens). */
  preview: z.boolean().default(false),
});
export type ListDisplay = z.output<typeof listDisplaySchema>;

export const DEFAULT_LIST_DISPLAY: ListDisplay = listDisplaySchema.parse({});

/** A stored value that no longer parses (an older shape) reads as the defaults. */
export function readListDisplay(stored: unknown): ListDisplay {
  return listDisplaySchema.safeParse(stored ?? {}).data ?? DEFAULT_LIST_DISPLAY;
}
