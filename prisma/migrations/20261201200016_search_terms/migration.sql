-- CreateTable
CREATE TABLE "search_terms" (
    "tenant_id" UUID NOT NULL,
    "term" TEXT NOT NULL,
    "cases" INTEGER NOT NULL,

    CONSTRAINT "search_terms_pkey" PRIMARY KEY ("tenant_id","term")
);

-- CreateIndex
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING GIN ("term" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "search_terms" ADD CONSTRAINT "search_terms_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---- Hand-written: isolation, grants, and the lookup a typo is corrected by ----

ALTER TABLE search_terms ENABLE ROW LEVEL SECURITY;
ALTER TABLE search_terms FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON search_terms TO caseboard_app USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
CREATE POLICY privileged_access ON search_terms TO caseboard_privileged USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON search_terms TO caseboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON search_terms TO caseboard_privileged;

-- The current tenant's terms most like `word` (pg_trgm word similarity, `<%`: at least
-- pg_trgm.word_similarity_threshold, 0.6 by default), most alike first, then the most used.
-- (`%` and similarity() would do as well for single words, but the embedded database's backend
-- panicked, ERRORDATA_STACK_SIZE exceeded, after a `%` search that found nothing.)
-- A SECURITY DEFINER function for the reason the search's are (20261130001100_case_search): the
-- operator is not leakproof, so under caseboard_app's policy the trigram index could not answer.
-- It reads the tenant's vocabulary (at most 50,000 words), not its cases' titles: a typo of a
-- common word shares trigrams with a quarter of a large tenant's titles, and scoring them cost
-- 40 ms. The index does not lead with the tenant: vocabularies are small, and a typo's trigrams
-- are looked up once for all tenants.
CREATE FUNCTION app_search_term_similar(word text, max_rows integer) RETURNS TABLE (term text, likeness real)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT t.term, word_similarity($1, t.term) AS likeness
      FROM search_terms t
     WHERE t.tenant_id = app_current_tenant() AND $1 <% t.term
     ORDER BY 2 DESC, t.cases DESC, t.term
     LIMIT $2
  $$;

DO $$
DECLARE had_create boolean := has_schema_privilege('caseboard_privileged', 'public', 'CREATE');
BEGIN
  IF NOT had_create THEN
    GRANT CREATE ON SCHEMA public TO caseboard_privileged;
  END IF;
  ALTER FUNCTION app_search_term_similar(text, integer) OWNER TO caseboard_privileged;
  IF NOT had_create THEN
    REVOKE CREATE ON SCHEMA public FROM caseboard_privileged;
  END IF;
END $$;

REVOKE ALL ON FUNCTION app_search_term_similar(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_search_term_similar(text, integer) TO caseboard_app, caseboard_privileged;

-- Typos were matched against every title (20261201040000_case_title_similarity): a typo of a
-- common word shares trigrams with a quarter of a large tenant's titles, so that index read their
-- postings on every such search (40 ms at 1M cases, and as much for a small tenant, the index not
-- leading with it). The vocabulary above replaces it.
DROP FUNCTION app_case_title_similar_ids(text, integer);
DROP INDEX "cases_title_trgm_idx";
