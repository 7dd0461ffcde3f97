// The cases list: filters, tab, sort and keyset pagination. A page is one index range scan from
// the cursor on, whatever its depth: no OFFSET, and no Prisma cursor (which re-reads the cursor
// row and skips). The cursor carries the sort key values and id of the page's last row.
import { z } from "zod";
import { CASE_PRIORITIES } from "@/lib/validations/case";
import { defaultOrder, type CaseListQuery } from "@/lib/validations/case-filters";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import type { Caller } from "./actor";
import { caseFilterConditions, inlineTextMatch, isCaseNumberQuery, myTeamsUnassignedSql, whereSql, type CaseTab } from "./case-filter-sql";
import { caseSummarySelect, toCaseSummary, type CaseSummary } from "./case-select";
import { decodeCursor, encodeCursor, invalidCursor } from "@/server/services/pagination/cursor";
import { checkCursorKeys, cursorKey, type CursorKeyType } from "@/server/services/pagination/cursor-keys";

type SortField = CaseListQuery["sort"];

/** `type` checks a cursor's key for this column before it is cast in SQL. */
interface SortKey extends CursorKeyType {
  column: string;
  cast: string;
  /** Nulls sort last in either direction. */
  nullable?: boolean;
}

/** Each sort's keys, in order; id always follows as the tiebreak. Each has an index (schema.prisma). */
const SORT_KEYS: Record<SortField, SortKey[]> = {
  created: [{ column: "c.created_at", cast: "timestamptz", type: cursorKey.timestamp }],
  updated: [{ column: "c.updated_at", cast: "timestamptz", type: cursorKey.timestamp }],
  priority: [
    { column: "c.priority", cast: '"CasePriority"', type: cursorKey.oneOf(CASE_PRIORITIES) },
    { column: "c.created_at", cast: "timestamptz", type: cursorKey.timestamp },
  ],
  resolutionDue: [{ column: "c.resolution_due_at", cast: "timestamptz", type: cursorKey.timestamp, nullable: true }],
};

const cursorShape = z.object({
  s: z.enum(["created", "updated", "priority", "resolutionDue"]),
  o: z.enum(["asc", "desc"]),
  k: z.array(z.string().max(64).nullable()).max(3),
  id: z.uuid(),
  /** 1: the page before this row (the list's "previous"), read backwards from it. */
  b: z.literal(1).optional(),
});
type CursorValue = z.infer<typeof cursorShape>;

export function encodeCaseCursor(value: CursorValue): string {
  return encodeCursor(value);
}

interface KeyRow {
  id: string;
  k0: Date | string | null;
  k1?: Date | string | null;
}

function cursorMatches(cursor: CursorValue, sort: SortField, order: "asc" | "desc"): boolean {
  return cursor.s === sort && cursor.o === order && cursor.k.length === SORT_KEYS[sort].length;
}

const flip = (order: "asc" | "desc") => (order === "asc" ? "desc" : "asc");

/**
 * The rows after the cursor in `order`. Reading backwards (the page before a row) passes the
 * flipped order and `backward`: nulls, last in the list's order, then come first.
 */
function keysetCondition(sort: SortField, order: "asc" | "desc", cursor: CursorValue, backward = false): Prisma.Sql {
  const keys = SORT_KEYS[sort];
  const op = Prisma.raw(order === "asc" ? ">" : "<");
  const value = (k: SortKey, v: string | null) => Prisma.sql`${v}::${Prisma.raw(k.cast)}`;
  if (keys.length === 1 && keys[0]!.nullable) {
    const col = Prisma.raw(keys[0]!.column);
    const v = cursor.k[0] ?? null;
    if (backward) {
      // Before a null key: every non-null row, and the nulls before it; before a value: smaller values only.
      return v === null
        ? Prisma.sql`(${col} IS NOT NULL OR c.id ${op} ${cursor.id}::uuid)`
        : Prisma.sql`((${col}, c.id) ${op} (${value(keys[0]!, v)}, ${cursor.id}::uuid))`;
    }
    // Nulls last: past a null key only nulls remain; before it, every null is still ahead.
    return v === null
      ? Prisma.sql`(${col} IS NULL AND c.id ${op} ${cursor.id}::uuid)`
      : Prisma.sql`((${col}, c.id) ${op} (${value(keys[0]!, v)}, ${cursor.id}::uuid) OR ${col} IS NULL)`;
  }
  const columns = Prisma.join([...keys.map((k) => Prisma.raw(k.column)), Prisma.raw("c.id")]);
  const values = Prisma.join([...keys.map((k, i) => value(k, cursor.k[i] ?? null)), Prisma.sql`${cursor.id}::uuid`]);
  return Prisma.sql`(${columns}) ${op} (${values})`;
}

function orderBySql(sort: SortField, order: "asc" | "desc", backward = false): Prisma.Sql {
  const dir = order === "asc" ? "ASC" : "DESC";
  const nulls = backward ? " NULLS FIRST" : " NULLS LAST";
  const parts = SORT_KEYS[sort].map((k) => `${k.column} ${dir}${k.nullable ? nulls : ""}`);
  return Prisma.raw(`ORDER BY ${[...parts, `c.id ${dir}`].join(", ")}`);
}

/** How a page is read: from which row, in which direction. */
interface Reading {
  /** The order rows are read in: the list's, or its reverse for the page before a row. */
  order: "asc" | "desc";
  backward: boolean;
  after: Prisma.Sql | null;
}

function keyText(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : String(v);
}

export interface ListCasesInput extends CaseListQuery {
  limit: number;
  cursor?: string | null;
}

export async function listCases(
  db: TenantDb,
  caller: Caller,
  input: ListCasesInput,
  /** Tests shrink the text window to reach both of its outcomes with a handful of cases. */
  options: { textWindow?: number } = {},
): Promise<{ items: CaseSummary[]; nextCursor: string | null; prevCursor: string | null }> {
  const order = input.order ?? defaultOrder(input.sort);
  const conditions = caseFilterConditions(input, { tenantId: requireTenantId(), userId: caller.userId }, input.tab);
  let reading: Reading = { order, backward: false, after: null };
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor, cursorShape);
    if (!cursorMatches(cursor, input.sort, order)) throw invalidCursor("The cursor belongs to another sort order; start from the first page");
    checkCursorKeys(cursor.k, SORT_KEYS[input.sort]);
    const backward = cursor.b === 1;
    const readOrder = backward ? flip(order) : order;
    reading = { order: readOrder, backward, after: keysetCondition(input.sort, readOrder, cursor, backward) };
    conditions.push(reading.after!);
  }
  const keys = SORT_KEYS[input.sort];
  const keyColumns = Prisma.raw(keys.map((k, i) => `${k.column}${k.cast.startsWith('"') ? "::text" : ""} AS k${i}`).join(", "));
  const rows =
    (input.q && !isCaseNumberQuery(input.q) ? await pageFromWindow(db, caller, input, reading, keyColumns, options.textWindow ?? TEXT_WINDOW) : null) ??
    (await db.$queryRaw<KeyRow[]>`
      SELECT c.id::text AS id, ${keyColumns}
        FROM cases c
        ${whereSql(conditions)}
        ${orderBySql(input.sort, reading.order, reading.backward)}
       LIMIT ${input.limit + 1}`);
  const hasMore = rows.length > input.limit;
  // Read backwards, the rows nearest the cursor came first: the page is them, in the list's order.
  const pageRows = hasMore ? rows.slice(0, input.limit) : rows;
  if (reading.backward) pageRows.reverse();
  const found = pageRows.length
    ? await db.case.findMany({ where: { id: { in: pageRows.map((r) => r.id) } }, select: caseSummarySelect })
    : [];
  const byId = new Map(found.map((row) => [row.id, row]));
  const now = new Date();
  const items = pageRows.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [toCaseSummary(row, now)] : [];
  });
  const cursorAt = (row: KeyRow | undefined, before: boolean) =>
    row
      ? encodeCaseCursor({ s: input.sort, o: order, k: keys.map((_, i) => keyText(i === 0 ? row.k0 : row.k1)), id: row.id, ...(before ? { b: 1 as const } : {}) })
      : null;
  // Forwards, more rows means a next page and a cursor means a page before; backwards, the reverse.
  const nextCursor = (reading.backward ? true : hasMore) ? cursorAt(pageRows.at(-1), false) : null;
  const prevCursor = (reading.backward ? hasMore : Boolean(input.cursor)) ? cursorAt(pageRows[0], true) : null;
  return { items, nextCursor, prevCursor };
}

/**
 * Words (`q`) that many cases contain: the page is among the first cases in the list's order, so
 * the text is matched inline on a window of the next TEXT_WINDOW cases that meet the other
 * filters (one index range, read only as far as the page needs). Reading every match through the
 * search index instead (app_case_search_ids) costs as many rows as the word has matches: 2 s for
 * a word in 230k of 1M cases, against milliseconds here (bench/README.md, "search"). A rare word
 * fills no page from the window; then the index answers, in milliseconds. Null: not answered here.
 */
const TEXT_WINDOW = 2_000;

async function pageFromWindow(
  db: TenantDb,
  caller: Caller,
  input: ListCasesInput,
  reading: Reading,
  keyColumns: Prisma.Sql,
  size: number,
): Promise<KeyRow[] | null> {
  const others = caseFilterConditions({ ...input, q: undefined }, { tenantId: requireTenantId(), userId: caller.userId }, input.tab);
  if (reading.after) others.push(reading.after);
  const orderBy = orderBySql(input.sort, reading.order, reading.backward);
  // The window keeps the reading order, so the matches in it, in that order, are the page's.
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT c.id::text AS id, ${keyColumns}
      FROM (SELECT c.* FROM cases c ${whereSql(others)} ${orderBy} LIMIT ${size}) c
     WHERE ${inlineTextMatch(input.q!)}
     ${orderBy}
     LIMIT ${input.limit + 1}`;
  if (rows.length > input.limit) return rows;
  // Fewer than a page: exact if the window held every case the other filters leave.
  const [window] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c ${whereSql(others)} LIMIT ${size}) w`;
  return (window?.n ?? 0) < size ? rows : null;
}

export type CaseTabCounts = Record<CaseTab, number>;

/** Live counts of the tabs for the current filter, in one scan. */
export async function countCaseTabs(db: TenantDb, caller: Caller, filter: CaseListQuery): Promise<CaseTabCounts> {
  const conditions = caseFilterConditions(filter, { tenantId: requireTenantId(), userId: caller.userId }, "all");
  const mine = caller.userId ? Prisma.sql`c.assignee_id = ${caller.userId}::uuid` : Prisma.sql`false`;
  const [row] = await db.$queryRaw<CaseTabCounts[]>`
    SELECT count(*) FILTER (WHERE ${mine})::int AS mine,
           count(*) FILTER (WHERE ${myTeamsUnassignedSql(caller.userId)})::int AS my_teams,
           count(*) FILTER (WHERE c.assignee_id IS NULL)::int AS unassigned,
           count(*)::int AS "all"
      FROM cases c
      ${whereSql(conditions)}`;
  return row ?? { mine: 0, my_teams: 0, unassigned: 0, all: 0 };
}
