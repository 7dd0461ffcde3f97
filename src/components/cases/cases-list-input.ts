import { z } from "zod";

export type CasesView = "open" | "done" | "all";

const VIEW_STATUSES = {
  open: ["NEW", "OPEN", "PENDING", "SNOOZED"],
  done: ["RESOLVED", "CLOSED"],
  all: undefined,
} as const;

/** The list query for a view and page; an unparsable cursor in the URL means the first page. */
export function casesListInput(view: CasesView, cursor: string | undefined) {
  const validCursor = z.uuid().safeParse(cursor).success ? cursor! : null;
  const statuses = VIEW_STATUSES[view];
  return { limit: 25, cursor: validCursor, ...(statuses ? { status: [...statuses] } : {}) };
}
