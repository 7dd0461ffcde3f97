/** What search looks through. */
export const SEARCH_KINDS = ["case", "customer"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
