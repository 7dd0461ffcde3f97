// Cases of a search narrowed by filters and/or counted by facet. The words' matches come from
// app_search_newest as in search-cases.ts; the newest SCAN_CAP of them are read once (their
// filter columns, by primary key), and from that set come the total, the ranked hits (the newest
// CANDIDATES that pass the filters) and each field's counts. A field's counts apply every filter
// but its own (as shops' facets do), so choosing "Open" still shows how many are Pending.
// One statement. A common word on a large tenant matches more than SCAN_CAP cases: the counts
// then describe the newest SCAN_CAP matches and the answer says so (`partial`).
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { caseFilterConditions } from "@/server/services/cases/case-filter-sql";
import { typedTsQuerySql } from "./typed-query";
import { hitsOf, matchedCtes, rankedCasesSql, TOTAL_CAP, type CaseHit, type RankedRow } from "./search-cases";
import { FACET_FIELDS, FACET_SCAN_CAP, type FacetField, type SearchFacets, type SearchFilter } from "@/lib/validations/search-filters";

/** Matches read for filters and counts, newest first (shown on the page when reached). */
export const SCAN_CAP = FACET_SCAN_CAP;
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

interface Row extends RankedRow {
  total: number;
  scanned: number;
  facets: Record<FacetField, { value: string; count: number }[]> | null;
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
    WITH ${matchedCtes(typedTsQuerySql(q), SCAN_CAP, SCAN_CAP)},
    scanned AS MATERIALIZED (
      SELECT c.id, c.tenant_id, c.status, c.priority, c.channel, c.category, c.business_unit, c.tags, c.assignee_id, c.team_id, c.created_at
        FROM (SELECT id FROM matched ORDER BY id DESC LIMIT ${SCAN_CAP}) k
        CROSS JOIN LATERAL (SELECT * FROM cases c WHERE c.tenant_id = ${tenantId}::uuid AND c.id = k.id OFFSET 0) c
    ),
    filtered AS MATERIALIZED (SELECT c.id FROM scanned c WHERE ${and(conditions)})
    ${rankedCasesSql("filtered", limit, Prisma.sql`(SELECT (SELECT count(*) FROM filtered)::int AS total, (SELECT count(*) FROM scanned)::int AS scanned, ${facets} AS facets)`)}`;
  const first = rows[0];
  const hits = hitsOf(rows);
  const partial = (first?.scanned ?? 0) >= SCAN_CAP;
  return {
    hits,
    total: Math.min(first?.total ?? 0, TOTAL_CAP),
    facets: options.facets && first?.facets ? { fields: first.facets, partial } : null,
  };
}
