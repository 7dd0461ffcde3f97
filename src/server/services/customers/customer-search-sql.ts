// Customer text search as SQL, shared by the customers list and the search palette.
//
// Through app_customer_search_ids (migration 20261130001100_case_search) rather than `LIKE`
// inline: LIKE (textlike) is not leakproof, so under caseboard_app's row-level security it is
// never an index condition and the trigram index could not answer; the list walked every customer
// of the tenant in name order. The function runs as the privileged role, restricted to the
// transaction's tenant as the policy is, and answers from the trigram indexes.
import { Prisma } from "@/server/db/generated/client";

/** Fewer characters than a trigram: a trigram index cannot narrow the search (it would read all of it, every tenant's). */
const TRIGRAM_LENGTH = 3;

/** `%` and `_` are wildcards of LIKE: a search for "50%" means the characters. */
export const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A condition on `cu` (customers): the lower-case name, or with `withCompany` the company too,
 * contains `q`; with `externalId`, or the external id is exactly `q`.
 */
export function customerTextMatchSql(q: string, options: { withCompany: boolean; externalId: boolean }): Prisma.Sql {
  const pattern = likePattern(q);
  if (q.length < TRIGRAM_LENGTH) {
    // The tenant's own customers in the order the query reads them (its LIMIT ends the walk).
    const conditions = [Prisma.sql`lower(cu.name) LIKE ${pattern}`];
    if (options.withCompany) conditions.push(Prisma.sql`lower(cu.company) LIKE ${pattern}`);
    if (options.externalId) conditions.push(Prisma.sql`cu.external_id = ${q}`);
    return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
  }
  const matches = Prisma.sql`SELECT m.id FROM app_customer_search_ids(${pattern}, ${options.withCompany}) AS m(id)`;
  if (!options.externalId) return Prisma.sql`cu.id IN (${matches})`;
  // One IN over both (not `… OR external_id = q`): an OR keeps the IN from becoming a join. Text
  // equality is leakproof, so the (tenant_id, external_id) index answers that part under RLS.
  return Prisma.sql`cu.id IN (${matches} UNION ALL SELECT x.id FROM customers x WHERE x.tenant_id = app_current_tenant() AND x.external_id = ${q})`;
}
