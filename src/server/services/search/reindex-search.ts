// A tenant's stored search vectors written again in its text search language, after an admin
// changed it (settings.textLanguage): until then its older cases keep the old language's words,
// which the new language's queries would not find ("printing" stemmed by English is "print").
//
// In batches of BATCH rows by primary key, each its own short transaction, so a tenant of a
// million cases never holds one transaction (or its row locks) for minutes. Every batch reads the
// language when it runs, and writing a vector again is harmless, so a retried, killed or doubled
// run (two changes in a row each enqueue one: a running job would not see a later change through a
// dedupe key) ends with every row in the latest language. Setting search_vector alone does not
// fire the trigger that writes it (it fires on writes of the text).
import { z } from "zod";
import { BACKGROUND_PRIORITY, defineJob, registerJob } from "@/server/jobs";
import { Prisma } from "@/server/db/generated/client";
import type { TenantDb, WithTenantDb } from "@/server/db/tenant-db";
import { requireTenantId } from "@/server/db/tenant-scope";
import { rebuildSearchTerms } from "./search-terms";

/** Rows per transaction. */
export const BATCH = 5_000;


/** Each table's vector, from its text and the configuration `config.c` (search_vectors migration). */
const VECTORS = {
  cases: { table: Prisma.raw("cases"), vector: Prisma.raw("case_search_vector(config.c, t.title, t.description)") },
  case_messages: { table: Prisma.raw("case_messages"), vector: Prisma.raw("to_tsvector(config.c, t.body)") },
} as const;

/** One batch of `table` after `after` (an id; null from the start): the last id written, null when none was left. */
async function reindexBatch(db: TenantDb, table: keyof typeof VECTORS, after: string | null): Promise<{ last: string | null; count: number }> {
  const tenantId = requireTenantId();
  const { table: name, vector } = VECTORS[table];
  // The configuration once per statement (a one-row subquery), not once per row.
  const rows = await db.$queryRaw<{ last: string | null; count: number }[]>`
    WITH batch AS (
      SELECT id FROM ${name} WHERE tenant_id = ${tenantId}::uuid AND (${after}::uuid IS NULL OR id > ${after}::uuid) ORDER BY id LIMIT ${BATCH}
    ), written AS (
      UPDATE ${name} t SET search_vector = ${vector}
        FROM batch, (SELECT app_text_config(${tenantId}::uuid) AS c) config
       WHERE t.tenant_id = ${tenantId}::uuid AND t.id = batch.id
      RETURNING t.id
    )
    SELECT (SELECT id::text FROM batch ORDER BY id DESC LIMIT 1) AS last, (SELECT count(*)::int FROM written) AS count`;
  return rows[0] ?? { last: null, count: 0 };
}

/** Every case's and message's vector of the current tenant, written again; how many of each. */
export async function reindexSearchVectors(
  withDb: WithTenantDb,
  options: { signal?: AbortSignal; progress?: (percent: number, stage: string) => void } = {},
): Promise<{ cases: number; messages: number }> {
  const counts = { cases: 0, messages: 0 };
  for (const table of ["cases", "case_messages"] as const) {
    options.progress?.(table === "cases" ? 0 : 50, table === "cases" ? "Cases" : "Messages");
    let after: string | null = null;
    for (;;) {
      options.signal?.throwIfAborted();
      const batch = await withDb((db) => reindexBatch(db, table, after));
      counts[table === "cases" ? "cases" : "messages"] += batch.count;
      if (!batch.last) break;
      after = batch.last;
    }
  }
  return counts;
}

export const reindexSearchJob = registerJob(
  defineJob({
    type: "search.reindex",
    scope: "tenant",
    transaction: "per-call",
    payload: z.object({}),
    maxAttempts: 3,
    timeoutMs: 60 * 60_000,
    priority: BACKGROUND_PRIORITY,
    async handler(_payload, { withDb, signal, progress, logger }) {
      const counts = await reindexSearchVectors(withDb, { signal, progress });
      // The vocabulary typos are corrected against holds the old language's words too.
      const terms = await withDb((db) => rebuildSearchTerms(db));
      logger.info({ ...counts, terms }, "wrote the search vectors in the tenant's language");
      return { ...counts, terms };
    },
  }),
);
