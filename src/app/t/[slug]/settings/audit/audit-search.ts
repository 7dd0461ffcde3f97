// The audit log's filters as they appear in the page URL (?actor=&action=&target=&from=&to=), shared
// by the page and its CSV export so both show the same events.
import type { z } from "zod";
import type { auditListSchema } from "@/lib/validations/admin";

export interface AuditSearch {
  actor?: string;
  action?: string;
  target?: string;
  /** yyyy-mm-dd, inclusive, UTC */
  from?: string;
  to?: string;
}

type AuditFilter = Pick<z.input<typeof auditListSchema>, "actorId" | "action" | "targetId" | "from" | "to">;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFilterFromSearch(search: AuditSearch): AuditFilter {
  return {
    actorId: search.actor || undefined,
    action: search.action || undefined,
    targetId: search.target || undefined,
    from: search.from && DAY.test(search.from) ? new Date(`${search.from}T00:00:00.000Z`) : undefined,
    // "To" names a day: every event of that day is included.
    to: search.to && DAY.test(search.to) ? new Date(`${search.to}T23:59:59.999Z`) : undefined,
  };
}

/** The query string of the non-empty filters (and any extra parameters, e.g. a cursor). */
export function searchQuery(search: AuditSearch & { cursor?: string }): string {
  return new URLSearchParams(Object.entries(search).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== "")).toString();
}
