// The cases-list filter as SQL. The list, its tab counts and bulk actions on "every case matching
// the filter" all build their WHERE clause here, so they can never disagree about which cases a
// filter means. Raw SQL because Prisma's filters cannot express full-text search or the row
// comparisons that keyset pagination needs; every value goes in as a bound parameter.
import { OPEN_STATUSES } from "@/lib/case-status";
import { CHOICE_FILTER_KEYS, notKey, type CaseListFilter, type ChoiceFilterKey } from "@/lib/validations/case-filters";

type ChoiceFilter = Partial<Pick<CaseListFilter, ChoiceFilterKey>>;

/** The filter's "is not" values, as a filter of their own. */
const negated = (filter: Partial<CaseListFilter>): ChoiceFilter =>
  Object.fromEntries(CHOICE_FILTER_KEYS.map((key) => [key, filter[notKey(key)]])) as ChoiceFilter;
import { SLA_DUE_SOON_MS } from "@/lib/validations/case-filters";
import { Prisma } from "@/server/db/generated/client";
import { websearchTsQuerySql } from "@/server/services/search/typed-query";

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

const anyOf = (parts: Prisma.Sql[]) => (parts.length === 1 ? parts[0]! : Prisma.sql`(${Prisma.join(parts, " OR ")})`);

/** One condition per multi-value field that has values, each true when the case has any of them. */
function choiceConditions(filter: ChoiceFilter, userId: string | null): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  if (filter.status?.length) c.push(Prisma.sql`c.status IN (${list(filter.status, '"CaseStatus"')})`);
  if (filter.priority?.length) c.push(Prisma.sql`c.priority IN (${list(filter.priority, '"CasePriority"')})`);
  if (filter.channel?.length) c.push(Prisma.sql`c.channel IN (${list(filter.channel, '"CaseChannel"')})`);
  if (filter.category?.length) c.push(Prisma.sql`c.category IN (${list(filter.category, "text")})`);
  if (filter.businessUnit?.length) c.push(Prisma.sql`c.business_unit IN (${list(filter.businessUnit, "text")})`);
  if (filter.assigneeId?.length) c.push(anyOf(filter.assigneeId.map((a) => assigneeCondition(a, userId))));
  if (filter.teamId?.length) {
    const ids = filter.teamId.filter((t) => t !== "none");
    const parts = [
      ...(filter.teamId.includes("none") ? [Prisma.sql`c.team_id IS NULL`] : []),
      ...(ids.length ? [Prisma.sql`c.team_id IN (${list(ids, "uuid")})`] : []),
    ];
    c.push(anyOf(parts));
  }
  // && (overlap) answers from the tags' GIN index, as @> did for one tag.
  if (filter.tag?.length) c.push(Prisma.sql`c.tags && ARRAY[${Prisma.join(filter.tag)}]::text[]`);
  return c;
}

/** `#1042` finds case 1042; `1042` finds it and any case whose text has "1042". */
const CASE_NUMBER = /^#?(\d{1,9})$/;

/** Whether `q` names a case number ("#1042", or "1042", which may also be words of the text). */
export const isCaseNumberQuery = (q: string) => CASE_NUMBER.test(q);

/**
 * The text condition written inline, for rows already read: not an index condition (see the
 * comment in caseFilterConditions), but cheap on a bounded window of rows (list-cases.ts).
 */
export const inlineTextMatch = (q: string) => Prisma.sql`c.search_vector @@ ${websearchTsQuerySql(q)}`;

/** The conditions of a filter (and tab), ANDed, always starting with the tenant. */
export function caseFilterConditions(filter: Partial<CaseListFilter>, scope: FilterScope, tab: CaseTab = "all"): Prisma.Sql[] {
  const c: Prisma.Sql[] = [Prisma.sql`c.tenant_id = ${scope.tenantId}::uuid`];
  c.push(...choiceConditions(filter, scope.userId));
  // "Is not" keeps the cases that have no value at all (no category, unassigned): a condition
  // that is NULL for them counts as not matching, so NOT keeps them.
  for (const match of choiceConditions(negated(filter), scope.userId)) c.push(Prisma.sql`NOT coalesce(${match}, false)`);
  if (tab === "mine") c.push(assigneeCondition("me", scope.userId));
  if (tab === "unassigned") c.push(assigneeCondition("none", scope.userId));
  if (tab === "my_teams") c.push(myTeamsUnassignedSql(scope.userId));
  if (filter.customerId) c.push(Prisma.sql`c.customer_id = ${filter.customerId}::uuid`);
  if (filter.createdFrom) c.push(Prisma.sql`c.created_at >= ${filter.createdFrom}::timestamptz`);
  if (filter.createdTo) c.push(Prisma.sql`c.created_at < ${filter.createdTo}::timestamptz`);
  if (filter.updatedFrom) c.push(Prisma.sql`c.updated_at >= ${filter.updatedFrom}::timestamptz`);
  if (filter.updatedTo) c.push(Prisma.sql`c.updated_at < ${filter.updatedTo}::timestamptz`);
  if (filter.sla) {
    const open = Prisma.sql`c.status IN (${list(OPEN_STATUSES, '"CaseStatus"')})`;
    // A paused case (PENDING/SNOOZED, sla_paused_at set) is breached only by a due time already
    // past when the pause began (services/cases/sla-pause.ts); `due < now()` stays a range of the
    // due-time index, the pause a filter on the rows it reads.
    const pastDue = (column: string) =>
      Prisma.sql`(${Prisma.raw(column)} < now() AND (c.sla_paused_at IS NULL OR ${Prisma.raw(column)} < c.sla_paused_at))`;
    const breached = Prisma.sql`(${pastDue("c.resolution_due_at")} OR (c.first_responded_at IS NULL AND ${pastDue("c.first_response_due_at")}))`;
    // Spelled out rather than NOT (breached): a missing due time makes that NULL, not true.
    const notBreached = Prisma.sql`(c.resolution_due_at IS NULL OR c.resolution_due_at >= now())
      AND (c.first_responded_at IS NOT NULL OR c.first_response_due_at IS NULL OR c.first_response_due_at >= now())`;
    const soon = Prisma.sql`now() + ${`${SLA_DUE_SOON_MS} milliseconds`}::interval`;
    c.push(
      filter.sla === "breached"
        ? Prisma.sql`${open} AND ${breached}`
        : // A paused clock comes no nearer its due time: never due soon.
          Prisma.sql`${open} AND c.sla_paused_at IS NULL AND ${notBreached} AND (c.resolution_due_at < ${soon} OR (c.first_responded_at IS NULL AND c.first_response_due_at < ${soon}))`,
    );
  }
  if (filter.q) {
    // Through app_case_search_ids (migration 20261130001100_case_search), never `@@` inline: `@@`
    // is not leakproof, so under caseboard_app's row-level security it can never be an index
    // condition, and the planner walked the created_at index running to_tsvector on every case
    // (4.65 s for one word on 50k cases). The function runs as the privileged role, restricted to
    // the transaction's tenant as the policy is, answers from cases_search_vector_idx, and returns ids
    // that this query joins on the primary key (uuid equality is leakproof).
    const matches = Prisma.sql`SELECT m.id FROM app_case_search_ids(${websearchTsQuerySql(filter.q)}) AS m(id)`;
    const number = CASE_NUMBER.exec(filter.q)?.[1];
    if (!number) c.push(Prisma.sql`c.id IN (${matches})`);
    // "#1042" means the case number; a bare "1042" may also be words of the text.
    else if (filter.q.startsWith("#")) c.push(Prisma.sql`c.number = ${Number(number)}::int`);
    // One IN over both (not `number = … OR c.id IN …`): an OR keeps the IN from becoming a join,
    // and the list would again walk every case of the tenant.
    else c.push(Prisma.sql`c.id IN (${matches} UNION ALL SELECT n.id FROM cases n WHERE n.tenant_id = ${scope.tenantId}::uuid AND n.number = ${Number(number)}::int)`);
  }
  return c;
}

export function whereSql(conditions: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}
