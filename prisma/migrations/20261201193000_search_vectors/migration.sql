-- ---------------------------------------------------------------------------------------------
-- Search in the tenant's language, from stored vectors.
--
-- Until now cases and messages were matched on an expression index over 'simple' words, and every
-- ranked candidate's text was parsed again. Now each row stores its tsvector (search_vector),
-- written by a trigger in the statement that writes the text, with the tenant's text search
-- configuration (settings.textLanguage: stemming and stop words of its language; 'simple' for
-- mixed languages). A change of language rewrites the tenant's vectors in a job
-- (services/search/reindex-search.ts); queries parse the typed words with the same configuration
-- (app_text_config), so "printing" finds "printed" in an English tenant.
--
-- Indexes lead with the tenant (btree_gin's uuid_ops): a GIN entry per word and tenant, so a
-- small tenant's search for a word that a large neighbour has in 230k cases intersects the two
-- posting lists in the index instead of fetching every neighbour's row to drop it. The
-- alternative, a partial index per tenant, needs DDL per tenant and thousands of indexes.
-- ---------------------------------------------------------------------------------------------
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- AlterTable
ALTER TABLE "case_messages" ADD COLUMN     "search_vector" tsvector;

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "search_vector" tsvector;

-- The tenant's text search configuration: its settings.textLanguage when that names one of the
-- built-in configurations, else 'english' (the settings schema's default). SECURITY DEFINER so a
-- trigger or query may read it for the row's tenant; it tells nothing but the language.
CREATE FUNCTION app_text_config(tenant uuid) RETURNS regconfig
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(
      (SELECT cfg.oid::regconfig
         FROM tenants t
         JOIN pg_catalog.pg_ts_config cfg ON cfg.cfgname = t.settings ->> 'textLanguage' AND cfg.cfgnamespace = 'pg_catalog'::regnamespace
        WHERE t.id = $1),
      'pg_catalog.english'::regconfig)
  $$;

-- A case's vector: title words weigh A, description words B (ts_rank ranks a title match higher).
-- The one definition, used by the trigger, the reindex job and bulk loaders that skip triggers.
CREATE FUNCTION case_search_vector(config regconfig, title text, description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT setweight(to_tsvector($1, coalesce($2, '')), 'A') || setweight(to_tsvector($1, coalesce($3, '')), 'B') $$;

CREATE FUNCTION cases_set_search_vector() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  NEW.search_vector := case_search_vector(app_text_config(NEW.tenant_id), NEW.title, NEW.description);
  RETURN NEW;
END $$;

CREATE FUNCTION case_messages_set_search_vector() RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = public, pg_temp
  AS $$
BEGIN
  NEW.search_vector := to_tsvector(app_text_config(NEW.tenant_id), NEW.body);
  RETURN NEW;
END $$;

-- Only when the text is written: a status change does not parse the description again.
CREATE TRIGGER cases_search_vector BEFORE INSERT OR UPDATE OF title, description ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_set_search_vector();
CREATE TRIGGER case_messages_search_vector BEFORE INSERT OR UPDATE OF body ON case_messages
  FOR EACH ROW EXECUTE FUNCTION case_messages_set_search_vector();

-- Existing rows, as the privileged role: cases and messages FORCE row-level security, which binds
-- their owner too on a managed database.
SET LOCAL ROLE caseboard_privileged;
UPDATE cases c SET search_vector = case_search_vector(l.config, c.title, c.description)
  FROM (SELECT id, app_text_config(id) AS config FROM tenants) l WHERE l.id = c.tenant_id;
UPDATE case_messages m SET search_vector = to_tsvector(l.config, m.body)
  FROM (SELECT id, app_text_config(id) AS config FROM tenants) l WHERE l.id = m.tenant_id;
RESET ROLE;

-- CreateIndex
CREATE INDEX "case_messages_search_vector_idx" ON "case_messages" USING GIN ("tenant_id" uuid_ops, "search_vector" tsvector_ops);

-- CreateIndex
CREATE INDEX "cases_search_vector_idx" ON "cases" USING GIN ("tenant_id" uuid_ops, "search_vector" tsvector_ops);

DROP INDEX "cases_search_idx";
DROP INDEX "case_messages_search_idx";

-- The search functions (why functions: 20261130001100_case_search) read the stored vectors now.
-- Every match, for the cases list's `q` when its window found no page (a rarer word).
DROP FUNCTION app_case_search_ids(tsquery);
CREATE FUNCTION app_case_search_ids(query tsquery) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT c.id FROM cases c WHERE c.tenant_id = app_current_tenant() AND c.search_vector @@ $1
  $$;

DROP FUNCTION app_message_case_ids(tsquery);

-- The newest `how_many` matches of cases, or of messages (ids are UUIDv7: the highest are the
-- newest), for search; one body for both tables, which differ only in their names. Which
-- way is cheaper depends on how common the words are in this tenant. A rare word: from the search
-- index, every match, sorted (20 matches: ~1 ms). A common one: walking the primary key backwards
-- until enough rows match (a word in a quarter of 1M cases has its newest 2,000 matches among the
-- newest ~9,000 cases: ~3 ms), where the index would read all 230k matches (~500 ms).
--
-- The planner cannot be left to choose: its estimate for a prefix ('zeppelin':*) is a flat 2% of
-- the rows whatever the word, so it walked all 1M cases for 20 matches (0.8 s). So the function
-- measures: it reads the tenant's newest 1,000 rows and counts the matches.
--   * fewer rows than that: the probe saw the whole tenant;
--   * no match: a rare word, answered by the index;
--   * otherwise the walk should find `how_many` matches within 100,000 rows: it walks at most
--     that far, and only if it came up short, on a tenant of more rows than that, does the index
--     answer after all.
-- A word in ~1–10% of the cases costs the most (the walk, or the index reading its matches); at
-- 1M cases, tens of milliseconds.
CREATE FUNCTION app_search_newest(source text, query tsquery, how_many integer) RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
DECLARE
  current_tenant uuid := app_current_tenant();
  -- 'cases': the matching cases' ids. 'messages': the case of each matching message (a case once
  -- per matching message: the caller keeps each once). Nothing else names a table here.
  tbl text := CASE source WHEN 'cases' THEN 'cases' WHEN 'messages' THEN 'case_messages' END;
  col text := CASE source WHEN 'cases' THEN 'id' WHEN 'messages' THEN 'case_id' END;
  probed integer;
  matched integer;
  walked uuid[];
  whole boolean;
BEGIN
  IF current_tenant IS NULL OR tbl IS NULL OR how_many < 1 THEN
    RETURN;
  END IF;
  -- Dynamic statements are planned on each call, with the tenant and the words as values.
  EXECUTE format('SELECT count(*), count(*) FILTER (WHERE p.search_vector @@ $2)
                    FROM (SELECT t.search_vector FROM %I t WHERE t.tenant_id = $1 ORDER BY t.id DESC LIMIT 1000) p', tbl)
    INTO probed, matched USING current_tenant, query;
  IF probed < 1000 OR (matched > 0 AND how_many::bigint * probed <= matched::bigint * 100000) THEN
    -- OFFSET 0 keeps the walk a walk: the condition cannot be pushed into the ordered read.
    EXECUTE format('SELECT ARRAY(SELECT w.%I FROM (SELECT t.%I, t.search_vector FROM %I t WHERE t.tenant_id = $1 ORDER BY t.id DESC LIMIT 100000 OFFSET 0) w
                                  WHERE w.search_vector @@ $2 LIMIT $3)', col, col, tbl)
      INTO walked USING current_tenant, query, how_many;
    -- Enough, or the walk read every row the tenant has (the count stops past the walk's reach).
    whole := probed < 1000 OR cardinality(walked) = how_many;
    IF NOT whole THEN
      EXECUTE format('SELECT count(*) <= 100000 FROM (SELECT 1 FROM %I t WHERE t.tenant_id = $1 LIMIT 100001) n', tbl)
        INTO whole USING current_tenant;
    END IF;
    IF whole THEN
      RETURN QUERY SELECT unnest(walked);
      RETURN;
    END IF;
  END IF;
  RETURN QUERY EXECUTE format('WITH m AS MATERIALIZED (SELECT t.id, t.%I AS found FROM %I t WHERE t.tenant_id = $1 AND t.search_vector @@ $2)
                               SELECT m.found FROM m ORDER BY m.id DESC LIMIT $3', col, tbl)
    USING current_tenant, query, how_many;
END $$;

DO $$
DECLARE had_create boolean := has_schema_privilege('caseboard_privileged', 'public', 'CREATE');
BEGIN
  IF NOT had_create THEN
    GRANT CREATE ON SCHEMA public TO caseboard_privileged;
  END IF;
  ALTER FUNCTION app_text_config(uuid) OWNER TO caseboard_privileged;
  ALTER FUNCTION app_case_search_ids(tsquery) OWNER TO caseboard_privileged;
  ALTER FUNCTION app_search_newest(text, tsquery, integer) OWNER TO caseboard_privileged;
  IF NOT had_create THEN
    REVOKE CREATE ON SCHEMA public FROM caseboard_privileged;
  END IF;
END $$;

REVOKE ALL ON FUNCTION app_text_config(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_case_search_ids(tsquery) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_search_newest(text, tsquery, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_text_config(uuid) TO caseboard_app, caseboard_privileged;
GRANT EXECUTE ON FUNCTION app_case_search_ids(tsquery) TO caseboard_app, caseboard_privileged;
GRANT EXECUTE ON FUNCTION app_search_newest(text, tsquery, integer) TO caseboard_app, caseboard_privileged;
GRANT EXECUTE ON FUNCTION case_search_vector(regconfig, text, text) TO caseboard_app, caseboard_privileged;
