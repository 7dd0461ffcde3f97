// The placeholders a canned response may hold and how they are filled for a case. One list for
// the server (a response with an unknown one is refused on save; filled on insert) and the
// settings page (which lists them beside the text).
export const CANNED_PLACEHOLDERS = {
  "customer.name": "the customer's name",
  "customer.firstName": "the customer's first name",
  "agent.name": "your name",
  "agent.firstName": "your first name",
  "case.number": "the case number",
  "case.title": "the case title",
  "tenant.name": "your organisation's name",
} as const;

export type CannedPlaceholder = keyof typeof CANNED_PLACEHOLDERS;
export type PlaceholderValues = Partial<Record<CannedPlaceholder, string>>;

/** `{{ name }}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

const isKnown = (name: string): name is CannedPlaceholder => Object.hasOwn(CANNED_PLACEHOLDERS, name);

/** The placeholders in a text that are not on the list, each once, in order. */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  return [...new Set(names.filter((name) => !isKnown(name)))];
}

/**
 * The text with each known placeholder replaced by its value; one without a value (a case with no
 * customer) becomes empty, and collapses the space before a following comma ("Hi {{customer.name}},").
 */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => (isKnown(name) ? (values[name] ?? "") : whole)).replace(/ +,/g, ",");
}

export const firstName = (name: string | null | undefined): string => name?.trim().split(/\s+/)[0] ?? "";
