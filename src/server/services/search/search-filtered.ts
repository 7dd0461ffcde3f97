// Cases of a search narrowed by filters and/or counted by facet. The words' matches come from
// app_case_search_ids as in search-cases.ts; the newest SCAN_CAP of them are read once (their
// filter columns, by primary key), and from that set come the total, the ranked hits (the newest
// CANDIDATES that pass the filters) and each field's counts. A field's counts apply every filter
// but its own (as shops' facets do), so choosing "Open" still shows how many are Pending.
// One statement. A common word on a large tenant matches more than SCAN_CAP cases: the counts
// then describe the newest SCAN_CAP matches and the answer says so (`partial`).
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { caseFilterConditions } from "@/server/services/cases/case-filter-sql";
import type { CaseHit } from "./search-cases";
import { CANDIDATES, ESCAPED_TEXT, HEADLINE_OPTIONS, TOTAL_CAP } from "./search-cases";
import { FACET_FIELDS, type FacetField, type SearchFacets, type SearchFilter } from "./search-filters";
import { typedTsQuerySql } from "./typed-query";

/** Matches read for filters and counts, newest first. */
export const SCAN_CAP = 10_000;
/** Tags counted (the most used). */
const TOP_TAGS = 15;

const FACET_SQL: Record<FacetField, Prisma.Sql> = {
  status: Prisma.sql`c.status::text`,
  priority: Prisma.sql`c.priority::text`,
  channel: Prisma.sql`c.channel::text`,
  category: Prisma.sql`coalesce(c.category, '')`,
  businessUnit: Prisma.sql`coalesce(c.business_unit, '')`,
  tag: Prisma.sql`t.tag`,
};

interface Row {
  total: number;
  scanned: number;
  facets: Record<FacetField, { value: string; count: number }[]> | null;
  id: string | null;
  number: number;
  title: string;
  status: CaseHit["status"];
  priority: CaseHit["priority"];
  rank: number;
  snippet: string;
}

const and = (conditions: Prisma.Sql[]) => Prisma.join(conditions, " AND ");

/** One field's counts over the scanned matches, with every filter but the field's own. */
function facetSql(field: FacetField, filter: SearchFilter, userId: string | null, tenantId: string): Prisma.Sql {
  const others = caseFilterConditions({ ...filter, [field]: undefined }, { tenantId, userId });
  const from = field === "tag" ? Prisma.sql`scanned c CROSS JOIN LATERAL unnest(c.tags) AS t(tag)` : Prisma.sql`scanned c`;
  const limit = field === "tag" ? Prisma.sql`LIMIT ${TOP_TAGS}` : Prisma.empty;
  return Prisma.sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]'::jsonb)
    FROM (SELECT ${FACET_SQL[field]} AS v, count(*)::int AS n FROM ${from} WHERE ${and(others)} GROUP BY 1 ORDER BY 2 DESC, 1 ${limit}) x)`;
}

export async function searchFilteredCases(
  db: TenantDb,
  q: string,
  limit: number,
  filter: SearchFilter,
  options: { userId: string | null; facets: boolean },
): Promise<{ hits: CaseHit[]; total: number; facets: SearchFacets }> {
  const tenantId = requireTenantId();
  const conditions = caseFilterConditions(filter, { tenantId, userId: options.userId });
  const facets = options.facets
    ? Prisma.sql`jsonb_build_object(${Prisma.join(FACET_FIELDS.map((f) => Prisma.sql`${f}::text, ${facetSql(f, filter, options.userId, tenantId)}`))})`
    : Prisma.sql`NULL::jsonb`;
  const rows = await db.$queryRaw<Row[]>`
    WITH query AS MATERIALIZED (SELECT ${typedTsQuerySql(q)} AS q),
    matched AS MATERIALIZED (SELECT m.id FROM query, app_case_search_ids(query.q) AS m(id)),
    scanned AS MATERIALIZED (
      SELECT c.id, c.tenant_id, c.status, c.priority, c.channel, c.category, c.business_unit, c.tags, c.assignee_id, c.team_id, c.created_at
        FROM (SELECT id FROM matched ORDER BY id DESC LIMIT ${SCAN_CAP}) k
        CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.id = k.id OFFSET 0) c
    ),
    filtered AS MATERIALIZED (SELECT c.id FROM scanned c WHERE ${and(conditions)}),
    ranked AS (
      SELECT c.id, c.number, c.title, c.description, c.status, c.priority, c.created_at,
             ts_rank(setweight(to_tsvector('simple', c.title), 'A') || setweight(to_tsvector('simple', c.description), 'B'), query.q) AS rank
        FROM (SELECT id FROM filtered ORDER BY id DESC LIMIT ${CANDIDATES}) k
        CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.id = k.id OFFSET 0) c, query
       ORDER BY rank DESC, c.created_at DESC, c.id DESC
       LIMIT ${limit}
    )
    SELECT t.total, t.scanned, t.facets, r.id::text AS id, r.number, r.title, r.status::text AS status, r.priority::text AS priority, r.rank::float8 AS rank,
           ts_headline('simple', ${Prisma.raw(ESCAPED_TEXT)}, query.q, ${HEADLINE_OPTIONS}) AS snippet
      FROM (SELECT (SELECT count(*) FROM filtered)::int AS total, (SELECT count(*) FROM scanned)::int AS scanned, ${facets} AS facets) t
      CROSS JOIN query
      LEFT JOIN ranked r ON true
     ORDER BY r.rank DESC, r.created_at DESC, r.id DESC`;
  const first = rows[0];
  const hits = rows.flatMap((r) => (r.id ? [{ id: r.id, number: r.number, title: r.title, status: r.status, priority: r.priority, snippet: r.snippet, rank: r.rank }] : []));
  const partial = (first?.scanned ?? 0) >= SCAN_CAP;
  return {
    hits,
    total: Math.min(first?.total ?? 0, TOTAL_CAP),
    facets: options.facets && first?.facets ? { fields: first.facets, partial } : null,
  };
}
