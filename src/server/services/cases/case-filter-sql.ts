// The cases-list filter as SQL. The list, its tab counts and bulk actions on "every case matching
// the filter" all build their WHERE clause here, so they can never disagree about which cases a
// filter means. Raw SQL because Prisma's filters cannot express full-text search or the row
// comparisons that keyset pagination needs; every value goes in as a bound parameter.
import { OPEN_STATUSES } from "@/lib/case-status";
import type { CaseListFilter } from "@/lib/validations/case-filters";
import { SLA_DUE_SOON_MS } from "@/lib/validations/case-filters";
import { Prisma } from "@/server/db/generated/client";

export type CaseTab = "mine" | "my_teams" | "unassigned" | "all";

export interface FilterScope {
  tenantId: string;
  /** The caller, for "me" and the Mine tab; API keys have none, and "me" then matches nothing. */
  userId: string | null;
}

const list = (values: readonly string[], cast: string) => Prisma.join(values.map((v) => Prisma.sql`${v}::${Prisma.raw(cast)}`));

/** Unassigned, in a team the caller belongs to; an API key belongs to none. */
export function myTeamsUnassignedSql(userId: string | null): Prisma.Sql {
  if (!userId) return Prisma.sql`false`;
  return Prisma.sql`(c.assignee_id IS NULL AND c.team_id IN (SELECT tm.team_id FROM team_members tm WHERE tm.tenant_id = c.tenant_id AND tm.user_id = ${userId}::uuid))`;
}

function assigneeCondition(assignee: string, userId: string | null): Prisma.Sql {
  if (assignee === "none") return Prisma.sql`c.assignee_id IS NULL`;
  if (assignee === "my_teams") return myTeamsUnassignedSql(userId);
  if (assignee === "me") return userId ? Prisma.sql`c.assignee_id = ${userId}::uuid` : Prisma.sql`false`;
  return Prisma.sql`c.assignee_id = ${assignee}::uuid`;
}

/** `#1042` finds case 1042; `1042` finds it and any case whose text has "1042". */
const CASE_NUMBER = /^#?(\d{1,9})$/;

/** The conditions of a filter (and tab), ANDed, always starting with the tenant. */
export function caseFilterConditions(filter: Partial<CaseListFilter>, scope: FilterScope, tab: CaseTab = "all"): Prisma.Sql[] {
  const c: Prisma.Sql[] = [Prisma.sql`c.tenant_id = ${scope.tenantId}::uuid`];
  if (filter.status?.length) c.push(Prisma.sql`c.status IN (${list(filter.status, '"CaseStatus"')})`);
  if (filter.priority?.length) c.push(Prisma.sql`c.priority IN (${list(filter.priority, '"CasePriority"')})`);
  if (filter.channel?.length) c.push(Prisma.sql`c.channel IN (${list(filter.channel, '"CaseChannel"')})`);
  if (filter.category) c.push(Prisma.sql`c.category = ${filter.category}`);
  if (filter.businessUnit) c.push(Prisma.sql`c.business_unit = ${filter.businessUnit}`);
  if (filter.assigneeId) c.push(assigneeCondition(filter.assigneeId, scope.userId));
  if (tab === "mine") c.push(assigneeCondition("me", scope.userId));
  if (tab === "unassigned") c.push(assigneeCondition("none", scope.userId));
  if (tab === "my_teams") c.push(myTeamsUnassignedSql(scope.userId));
  if (filter.teamId) c.push(filter.teamId === "none" ? Prisma.sql`c.team_id IS NULL` : Prisma.sql`c.team_id = ${filter.teamId}::uuid`);
  if (filter.tag) c.push(Prisma.sql`c.tags @> ARRAY[${filter.tag}]::text[]`);
  if (filter.customerId) c.push(Prisma.sql`c.customer_id = ${filter.customerId}::uuid`);
  if (filter.createdFrom) c.push(Prisma.sql`c.created_at >= ${filter.createdFrom}::timestamptz`);
  if (filter.createdTo) c.push(Prisma.sql`c.created_at < ${filter.createdTo}::timestamptz`);
  if (filter.updatedFrom) c.push(Prisma.sql`c.updated_at >= ${filter.updatedFrom}::timestamptz`);
  if (filter.updatedTo) c.push(Prisma.sql`c.updated_at < ${filter.updatedTo}::timestamptz`);
  if (filter.sla) {
    const open = Prisma.sql`c.status IN (${list(OPEN_STATUSES, '"CaseStatus"')})`;
    const breached = Prisma.sql`(c.resolution_due_at < now() OR (c.first_responded_at IS NULL AND c.first_response_due_at < now()))`;
    // Spelled out rather than NOT (breached): a missing due time makes that NULL, not true.
    const notBreached = Prisma.sql`(c.resolution_due_at IS NULL OR c.resolution_due_at >= now())
      AND (c.first_responded_at IS NOT NULL OR c.first_response_due_at IS NULL OR c.first_response_due_at >= now())`;
    const soon = Prisma.sql`now() + ${`${SLA_DUE_SOON_MS} milliseconds`}::interval`;
    c.push(
      filter.sla === "breached"
        ? Prisma.sql`${open} AND ${breached}`
        : Prisma.sql`${open} AND ${notBreached} AND (c.resolution_due_at < ${soon} OR (c.first_responded_at IS NULL AND c.first_response_due_at < ${soon}))`,
    );
  }
  if (filter.q) {
    // The same expression as the cases_search_idx index, so the search is answered from it.
    const text = Prisma.sql`to_tsvector('simple', c.title || ' ' || c.description) @@ websearch_to_tsquery('simple', ${filter.q})`;
    const number = CASE_NUMBER.exec(filter.q)?.[1];
    if (!number) c.push(text);
    // "#1042" means the case number; a bare "1042" may also be words of the text.
    else if (filter.q.startsWith("#")) c.push(Prisma.sql`c.number = ${Number(number)}::int`);
    else c.push(Prisma.sql`(c.number = ${Number(number)}::int OR ${text})`);
  }
  return c;
}

export function whereSql(conditions: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}
