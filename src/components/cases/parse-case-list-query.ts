// Reads the cases list's URL into the list procedure's input (./case-list-params.ts writes it).
// Anything the schema refuses is dropped rather than failing the page. Server side: the page
// parses its search params and hands the query to the client components.
import { caseListQuerySchema, notKey, type CaseListQuery } from "@/lib/validations/case-filters";
import { CHOICE_KEYS, DAY, DAY_MS, first, FROM_KEYS, INSTANT, TEXT_KEYS, TO_KEYS, valuesOf, type SearchParams } from "./case-list-params";

export function parseCaseListQuery(params: SearchParams): CaseListQuery {
  const raw: Record<string, unknown> = {};
  // "Is not" of a field: `notStatus=CLOSED`, the list procedure's own name for it.
  for (const key of CHOICE_KEYS) {
    for (const name of [key, notKey(key)]) {
      const values = valuesOf(key, params[name]);
      if (values.length) raw[name] = values;
    }
  }
  for (const key of TEXT_KEYS) {
    const value = first(params[key]);
    if (value) raw[key] = value;
  }
  for (const key of FROM_KEYS) {
    const value = first(params[key]);
    if (value && DAY.test(value)) raw[key] = new Date(`${value}T00:00:00.000Z`);
    else if (value && INSTANT.test(value)) raw[key] = new Date(value);
  }
  for (const key of TO_KEYS) {
    const value = first(params[key]);
    if (value && DAY.test(value)) raw[key] = new Date(new Date(`${value}T00:00:00.000Z`).getTime() + DAY_MS);
    else if (value && INSTANT.test(value)) raw[key] = new Date(value);
  }
  const parsed = caseListQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Keep the valid parts: drop each field the schema complained about and try once more.
  for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  return caseListQuerySchema.safeParse(raw).data ?? caseListQuerySchema.parse({});
}
