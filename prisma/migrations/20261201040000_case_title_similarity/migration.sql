-- ---------------------------------------------------------------------------------------------
-- Hand-written: typo tolerance for the search palette and page. When the words of a search match
-- no case, titles that contain a word like the one typed ("printre" → "Printer on fire") are
-- offered instead, by trigram word similarity (pg_trgm's `<%`, threshold
-- pg_trgm.word_similarity_threshold, 0.6 by default).
--
-- A SECURITY DEFINER function for the same reason as app_case_search_ids (migration
-- 20261130001100_case_search): `<%` is not leakproof, so under caseboard_app's row-level security
-- it could never use the trigram index. The function restricts itself to the transaction's tenant
-- exactly as the policy does, returns at most `max_rows` ids with their likeness, and nothing
-- without a tenant; the caller reads the rows through its own policy. A typo of a common word
-- ("printre") is like a good share of a large tenant's titles: the first 2,000 found are ranked,
-- not all of them, so the cost stays bounded (the same cap as the ranked search's candidates).
-- The index does not lead with the tenant (a trigram GIN cannot without btree_gin), like the
-- customers' name index: it finds the similar titles of every tenant and the tenant condition
-- keeps this one's. It is used only when exact matching found nothing, i.e. for rare words.
-- ---------------------------------------------------------------------------------------------

CREATE INDEX "cases_title_trgm_idx" ON "cases" USING GIN (lower("title") gin_trgm_ops);

CREATE FUNCTION app_case_title_similar_ids(words text, max_rows integer) RETURNS TABLE (id uuid, likeness real)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT m.id, m.likeness
      FROM (SELECT c.id, word_similarity($1, lower(c.title)) AS likeness
              FROM cases c
             WHERE c.tenant_id = app_current_tenant()
               AND $1 <% lower(c.title)
             LIMIT 2000) m
     ORDER BY m.likeness DESC, m.id DESC
     LIMIT $2
  $$;

DO $$
DECLARE had_create boolean := has_schema_privilege('caseboard_privileged', 'public', 'CREATE');
BEGIN
  IF NOT had_create THEN
    GRANT CREATE ON SCHEMA public TO caseboard_privileged;
  END IF;
  ALTER FUNCTION app_case_title_similar_ids(text, integer) OWNER TO caseboard_privileged;
  IF NOT had_create THEN
    REVOKE CREATE ON SCHEMA public FROM caseboard_privileged;
  END IF;
END $$;

REVOKE ALL ON FUNCTION app_case_title_similar_ids(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_case_title_similar_ids(text, integer) TO caseboard_app, caseboard_privileged;
