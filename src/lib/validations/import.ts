// CSV imports: the fields each entity can take from a file, and the mapping the user chooses
// (field → header). Shared by the mapping form and the imports procedures.
import { z } from "zod";
import { text } from "./text";

export const IMPORT_ENTITIES = ["cases", "customers"] as const;
export const importEntitySchema = z.enum(IMPORT_ENTITIES);
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const IMPORT_STATUSES = ["UPLOADED", "QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  /** Other header spellings that suggest this field (compared without case, spaces, - and _). */
  aliases: string[];
  hint?: string;
}

const field = (key: string, label: string, opts: Partial<Omit<ImportField, "key" | "label">> = {}): ImportField => ({
  key,
  label,
  required: opts.required ?? false,
  aliases: opts.aliases ?? [],
  hint: opts.hint,
});

/** An external id column makes re-imports idempotent across different files. */
const externalId = field("externalId", "External id", { aliases: ["external id", "id", "ref", "reference"], hint: "Rows with an id seen before are skipped" });

export const IMPORT_FIELDS: Record<ImportEntity, ImportField[]> = {
  cases: [
    externalId,
    field("title", "Title", { required: true, aliases: ["subject", "summary"] }),
    field("description", "Description", { aliases: ["body", "details"] }),
    field("status", "Status"),
    field("priority", "Priority"),
    field("channel", "Channel"),
    field("tags", "Tags", { hint: "Separated by , or ;" }),
    field("category", "Category"),
    field("businessUnit", "Business unit"),
    field("customerEmail", "Customer email", { aliases: ["customer"], hint: "Matched to an existing customer" }),
    field("assigneeEmail", "Assignee email", { aliases: ["assignee", "agent"], hint: "Matched to a member" }),
  ],
  customers: [
    externalId,
    field("name", "Name", { required: true, aliases: ["full name", "customer"] }),
    field("email", "Email", { aliases: ["e-mail", "email address"] }),
    field("phone", "Phone", { aliases: ["telephone", "phone number"] }),
    field("company", "Company", { aliases: ["organisation", "organization"] }),
    field("notes", "Notes"),
  ],
};

/** { field: header }; unmapped fields are left out (an empty header, as a form sends it, means unmapped). */
export const importMappingSchema = z
  .record(text().min(1).max(60), text().max(200))
  .transform((m) => Object.fromEntries(Object.entries(m).filter(([, header]) => header !== "")));
export type ImportMapping = z.output<typeof importMappingSchema>;

export const setImportMappingSchema = z.object({
  id: z.uuid(),
  mapping: importMappingSchema,
});
export type SetImportMappingInput = z.input<typeof setImportMappingSchema>;

const normalise = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, "");

/** Each field whose key, label or alias equals a header (ignoring case, spaces, - and _). */
export function suggestMapping(entity: ImportEntity, headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const f of IMPORT_FIELDS[entity]) {
    const names = new Set([f.key, f.label, ...f.aliases].map(normalise));
    const header = headers.find((h) => !taken.has(h) && names.has(normalise(h)));
    if (header) {
      mapping[f.key] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** Field errors of a mapping against the file's headers, or null when it is usable. */
export function mappingErrors(entity: ImportEntity, headers: readonly string[], mapping: ImportMapping): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  const known = new Set(IMPORT_FIELDS[entity].map((f) => f.key));
  for (const [key, header] of Object.entries(mapping)) {
    if (!known.has(key)) errors[key] = ["Not a field of this import"];
    else if (!headers.includes(header)) errors[key] = [`The file has no column "${header}"`];
  }
  for (const f of IMPORT_FIELDS[entity]) {
    if (f.required && !mapping[f.key]) errors[f.key] = ["Choose the column for this required field"];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
