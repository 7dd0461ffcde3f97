// The vocabulary a search with a typo is corrected against: each word (lexeme, as the tenant's
// language stores it) of the tenant's cases' titles and descriptions, and in how many cases it
// occurs. Rebuilt from the stored vectors by ts_stat, hourly for the tenants whose cases changed
// (and after a change of language), in one transaction per tenant: a search reads either the old
// vocabulary or the new one, never half of it. A word first written since the last rebuild is not
// offered as a correction until the next; its cases are found by the search itself.
import { z } from "zod";
import { BACKGROUND_PRIORITY, defineJob, enqueuePerTenant, registerJob } from "@/server/jobs";
import type { TenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";

/** The most used words kept per tenant; the rest are too rare to be what someone meant. */
export const MAX_TERMS = 50_000;

/** Characters no kept word has. */
const EXCLUDED = String.raw`[0-9@._/:'\\-]`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Replaces a tenant's vocabulary (the current tenant's by default); how many words it now holds. */
export async function rebuildSearchTerms(db: Pick<TenantDb, "$executeRaw">, tenantId: string = requireTenantId()): Promise<number> {
  // ts_stat takes its query as text. The tenant's id is named in it (a checked UUID, not input)
  // so the scan is the tenant's index range, not every tenant's rows filtered by the policy.
  if (!UUID.test(tenantId)) throw new Error("rebuildSearchTerms: the tenant id is not a UUID");
  const vectors = `SELECT search_vector FROM cases WHERE tenant_id = '${tenantId}'::uuid AND search_vector IS NOT NULL`;
  // Two rebuilds of one tenant (the hourly job and a reindex, or two runners) would each delete
  // and insert: the second's DELETE does not see the first's uncommitted rows, and its INSERT then
  // collides with them on the key. Taken in turn, the second replaces what the first wrote.
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('search-terms'), hashtext(${tenantId}))`;
  await db.$executeRaw`DELETE FROM search_terms WHERE tenant_id = ${tenantId}::uuid`;
  // Words of three letters or more (a trigram needs them), without digits or the punctuation of
  // addresses and numbers (nobody misspells an order number into another one), nor a quote or a
  // backslash: a correction quotes each word into tsquery text (search-cases.ts).
  return db.$executeRaw`
    INSERT INTO search_terms (tenant_id, term, cases)
    SELECT ${tenantId}::uuid, s.word, s.ndoc
      FROM ts_stat(${vectors}) s
     WHERE char_length(s.word) >= 3 AND s.word !~ ${EXCLUDED}
     ORDER BY s.ndoc DESC, s.word
     LIMIT ${MAX_TERMS}`;
}

export const SEARCH_TERMS_DEDUPE_KEY = "search.terms";

export const rebuildSearchTermsForTenantJob = registerJob(
  defineJob({
    type: "search.terms-tenant",
    scope: "tenant",
    payload: z.object({}),
    maxAttempts: 3,
    timeoutMs: 10 * 60_000,
    priority: BACKGROUND_PRIORITY,
    async handler(_payload, { db }) {
      return { terms: await rebuildSearchTerms(db) };
    },
  }),
);

export const rebuildSearchTermsJob = registerJob(
  defineJob({
    type: "search.terms",
    scope: "system",
    transaction: "per-call",
    payload: z.object({}),
    maxAttempts: 2,
    timeoutMs: 60_000,
    priority: BACKGROUND_PRIORITY,
    async handler(_payload, { withDb }) {
      const since = new Date(Date.now() - 65 * 60_000);
      // A case written since the last hourly run (by tenant and time), or cases and no vocabulary yet.
      const tenants = await withDb((db) =>
        db.$queryRaw<{ id: string }[]>`
          SELECT t.id::text AS id FROM tenants t
           WHERE t.status = 'ACTIVE' AND (
                 EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = t.id AND c.updated_at >= ${since})
              OR (EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = t.id)
                  AND NOT EXISTS (SELECT 1 FROM search_terms s WHERE s.tenant_id = t.id)))`,
      );
      await enqueuePerTenant(rebuildSearchTermsForTenantJob, tenants.map((t) => t.id), SEARCH_TERMS_DEDUPE_KEY);
      return { tenants: tenants.length };
    },
  }),
);
